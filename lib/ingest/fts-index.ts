import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { createFieldRollupWriter } from './field-rollups';

/** Batches this small are indexed in their own transaction; larger ones leave it to `indexBehind`. */
export const INLINE_FTS_MAX = 500;

export function ftsMark(db: Db): number {
  return db.prepare(`SELECT value FROM meta WHERE key = 'fts_indexed_id'`).pluck().get() as number;
}

/** Rows not yet in the full-text index. */
export function ftsBacklog(db: Db): number {
  return db
    .prepare(`SELECT COALESCE(MAX(id), 0) - (SELECT value FROM meta WHERE key = 'fts_indexed_id') FROM logs`)
    .pluck()
    .get() as number;
}

function setMark(db: Db, id: number): void {
  db.prepare(`UPDATE meta SET value = ? WHERE key = 'fts_indexed_id'`).run(id);
}

/**
 * Indexes the rows the caller's transaction wrote with ids previousLastId + 1, + 2, …, when the index
 * was caught up, and rolls up their fields (the field rollups cover the lines up to the mark).
 */
export function indexInline(
  db: Db,
  fts: BulkInsert,
  rows: readonly { message: string }[],
  previousLastId: number,
  rollUpFields: (fromId: number, toId: number) => void,
): void {
  if (rows.length === 0 || rows.length > INLINE_FTS_MAX || ftsMark(db) !== previousLastId) return;
  rows.forEach((r, i) => fts.push(previousLastId + i + 1, r.message));
  fts.flush();
  setMark(db, previousLastId + rows.length);
  rollUpFields(previousLastId, previousLastId + rows.length);
}

/** Indexes up to `max` rows above the mark, and rolls up their fields, in one short transaction; returns how many. */
export function createBehindIndexer(db: Db): (max: number) => number {
  const fts = new BulkInsert(db, 'INSERT INTO logs_fts (rowid, message)', 2);
  const next = db.prepare('SELECT id, message FROM logs WHERE id > ? ORDER BY id LIMIT ?');
  const rollUpFields = createFieldRollupWriter(db);
  return db.transaction((max: number) => {
    const mark = ftsMark(db);
    const rows = next.all(mark, max) as { id: number; message: string }[];
    for (const r of rows) fts.push(r.id, r.message);
    fts.flush();
    if (rows.length) {
      setMark(db, rows[rows.length - 1].id);
      rollUpFields(mark, rows[rows.length - 1].id);
    }
    return rows.length;
  });
}

/** Indexes every row above the mark, `chunk` rows a transaction; returns how many. */
export function indexAllBehind(
  db: Db,
  onChunk: (indexed: number, left: number) => void = () => {},
  chunk = 20_000,
): number {
  const indexBehind = createBehindIndexer(db);
  let total = 0;
  for (let n = indexBehind(chunk); n > 0; n = indexBehind(chunk)) {
    total += n;
    onChunk(total, ftsBacklog(db));
  }
  return total;
}
