import type { Db } from '@/lib/db/connection';

/**
 * Of these documents (time and `_id`), the ones a source already stores, as `ts:_id` keys: a bulk
 * retried after a lost answer is recognised by them (docs/intake.md#retries-and-duplicates).
 */
export function findStoredDocIds(db: Db, source: string, docs: { ms: number; id: string }[]): Set<string> {
  if (!docs.length) return new Set();
  const rows = db
    .prepare(
      `SELECT l.ts AS ts, json_extract(l.fields, '$._id') AS id
       FROM logs l
       WHERE l.ts IN (SELECT value FROM json_each(@ts))
         AND l.source_id = (SELECT id FROM log_sources WHERE name = @source)
         AND json_extract(l.fields, '$._id') IN (SELECT value FROM json_each(@ids))`,
    )
    .all({
      source,
      ts: JSON.stringify([...new Set(docs.map((d) => d.ms))]),
      ids: JSON.stringify([...new Set(docs.map((d) => d.id))]),
    }) as { ts: number; id: string }[];
  return new Set(rows.map((r) => `${r.ts}:${r.id}`));
}
