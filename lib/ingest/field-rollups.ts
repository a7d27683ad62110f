import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { TOKEN_RES } from './token-rollups';

/** A source's field with more distinct values than this (ids, times, counters) is not rolled up. */
const MAX_FIELD_VALUES = 64;
const MAX_VALUE_LENGTH = 120;

type Value = string | number;
type Field = { vals: Set<string>; dropped: boolean; changed: boolean };
type Group = { sourceId: number; field: string; value: Value | null; type: string; ts: number; lines: number };

/** Whether the rollups keep this value as json_extract returns it: short text, exact numbers (true is 1). */
function kept(g: Group): boolean {
  if (g.type === 'text') return typeof g.value === 'string' && g.value.length <= MAX_VALUE_LENGTH;
  if (g.type === 'integer') return Number.isSafeInteger(g.value);
  return g.type === 'real' || g.type === 'true' || g.type === 'false';
}

/**
 * Adds the lines with ids in (fromId, toId] per minute, source, field and value to `log_field_rollups`,
 * inside the caller's transaction: the full-text indexer calls it for the lines it indexes, so the
 * rollups cover exactly the lines up to the index mark, and bulk ingestion does not wait for them.
 * SQLite's own JSON reader (json_each) groups the lines' top-level fields, so the values
 * are exactly json_extract's; the catalog (`log_rolled_fields`) drops a source's field for good once it
 * has had more than 64 values, or a value the rollups do not keep (an object, long text).
 */
export function createFieldRollupWriter(db: Db): (fromId: number, toId: number) => void {
  const groups = db.prepare(
    `SELECT logs.source_id sourceId, j.key field, j.value value, j.type type, logs.ts - logs.ts % ${TOKEN_RES} ts, COUNT(*) lines
     FROM logs, json_each(CASE WHEN json_valid(logs.fields) AND json_type(logs.fields) = 'object' THEN logs.fields END) j
     WHERE logs.id > ? AND logs.id <= ? AND j.type <> 'null'
       AND j.key NOT IN (SELECT field FROM log_rolled_fields f WHERE f.source_id = logs.source_id AND dropped = 1)
     GROUP BY 1, 2, 3, 4, 5`,
  );
  const load = db.prepare('SELECT field, vals, dropped FROM log_rolled_fields WHERE source_id = ?');
  const save = db.prepare(
    `INSERT INTO log_rolled_fields (source_id, field, vals, dropped) VALUES (?, ?, ?, ?)
     ON CONFLICT (source_id, field) DO UPDATE SET vals = excluded.vals, dropped = excluded.dropped`,
  );
  const drop = db.prepare('DELETE FROM log_field_rollups WHERE field = ? AND source_id = ?');
  const rows = new BulkInsert(
    db,
    'INSERT INTO log_field_rollups (field, value, ts, source_id, lines)',
    5,
    'ON CONFLICT (field, value, ts, source_id) DO UPDATE SET lines = lines + excluded.lines',
  );
  return (fromId, toId) => {
    if (toId <= fromId) return;
    const batch = groups.all(fromId, toId) as Group[];
    // Read within the transaction, so a failed one leaves nothing behind in memory.
    const catalog = new Map<number, Map<string, Field>>();
    const fieldsOf = (sourceId: number) => {
      let fields = catalog.get(sourceId);
      if (fields === undefined) {
        fields = new Map();
        for (const r of load.all(sourceId) as { field: string; vals: string; dropped: number }[])
          fields.set(r.field, {
            vals: new Set(JSON.parse(r.vals) as string[]),
            dropped: r.dropped === 1,
            changed: false,
          });
        catalog.set(sourceId, fields);
      }
      return fields;
    };
    for (const g of batch) {
      const fields = fieldsOf(g.sourceId);
      let f = fields.get(g.field);
      if (f === undefined) {
        f = { vals: new Set(), dropped: false, changed: true };
        fields.set(g.field, f);
      }
      if (f.dropped) continue;
      const key = `${typeof g.value === 'number' ? 'n' : 's'}${g.value}`;
      if (!f.vals.has(key)) {
        f.vals.add(key);
        f.changed = true;
      }
      if (!kept(g) || f.vals.size > MAX_FIELD_VALUES) {
        f.dropped = true;
        f.vals.clear();
      }
    }
    for (const [sourceId, fields] of catalog)
      for (const [name, f] of fields) {
        if (!f.changed) continue;
        save.run(sourceId, name, JSON.stringify([...f.vals]), f.dropped ? 1 : 0);
        if (f.dropped) drop.run(name, sourceId);
      }
    rows.reset();
    for (const g of batch)
      if (!catalog.get(g.sourceId)?.get(g.field)?.dropped) rows.push(g.field, g.value, g.ts, g.sourceId, g.lines);
    rows.flush();
  };
}
