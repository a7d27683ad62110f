import type { Db } from '@/lib/db/connection';

/** Whether a target with this id exists. */
export function targetExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM targets WHERE id = ?').get(id) !== undefined;
}
