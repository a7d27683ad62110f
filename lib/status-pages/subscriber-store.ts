import type { Db } from '@/lib/db/connection';
import { NotFoundError } from '@/lib/errors';
import { listStatusSubscribers } from '@/lib/queries/list-status-subscribers';

export function addStatusSubscriber(db: Db, pageId: number, url: string, now: number) {
  if (!db.prepare('SELECT 1 FROM status_pages WHERE id = ?').get(pageId)) throw new NotFoundError('status page');
  const { lastInsertRowid } = db
    .prepare('INSERT INTO status_subscribers (page_id, url, created_at) VALUES (?, ?, ?)')
    .run(pageId, url, now);
  return listStatusSubscribers(db, pageId, Number(lastInsertRowid))[0];
}

export function deleteStatusSubscriber(db: Db, pageId: number, id: number): void {
  if (db.prepare('DELETE FROM status_subscribers WHERE id = ? AND page_id = ?').run(id, pageId).changes === 0)
    throw new NotFoundError('subscriber');
}

/** Full URLs, for sending only: they are never answered to anyone. */
export function subscriberUrls(db: Db, pageId: number): string[] {
  return (db.prepare('SELECT url FROM status_subscribers WHERE page_id = ?').all(pageId) as { url: string }[]).map(
    (r) => r.url,
  );
}
