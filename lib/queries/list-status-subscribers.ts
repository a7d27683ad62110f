import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';

/** A page's webhook subscribers, with only scheme and host of each URL: the rest may be a secret. */
export function listStatusSubscribers(db: Db, pageId: number, id?: number) {
  const rows = db
    .prepare(
      'SELECT id, url, created_at FROM status_subscribers WHERE page_id = ? AND (? IS NULL OR id = ?) ORDER BY id',
    )
    .all(pageId, id ?? null, id ?? null) as { id: number; url: string; created_at: number }[];
  return rows.map((r) => ({ id: r.id, url: `${new URL(r.url).origin}/…`, created_at: toIso(r.created_at) }));
}
