import type { Db } from '@/lib/db/connection';

/** The name of the log source with this id, or null. */
export function getSourceName(db: Db, id: number): string | null {
  const name = db.prepare('SELECT name FROM log_sources WHERE id = ?').pluck().get(id) as string | undefined;
  return name ?? null;
}
