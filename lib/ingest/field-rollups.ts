import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { TOKEN_RES } from './token-rollups';

/** A source's field with more distinct values than this (ids, times, counters) is not rolled up. */
export const MAX_FIELD_VALUES = 64;
const MAX_VALUE_LENGTH = 120;

type Value = string | number;
type Field = { vals: Set<string>; dropped: boolean; changed: boolean };

/** A JSON value as json_extract returns it (true → 1), or undefined when the rollups do not keep it. */
function rolledValue(v: unknown): Value | undefined {
  if (typeof v === 'string') return v.length <= MAX_VALUE_LENGTH ? v : undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) || !Number.isInteger(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

const keyOf = (v: Value) => (typeof v === 'number' ? `n${v}` : `s${v}`);

/** Which fields each source rolls up, and the values seen: kept in `log_rolled_fields`. */
export class FieldCatalog {
  private readonly sources = new Map<number, Map<string, Field>>();
  private readonly load;
  private readonly save;
  private readonly drop;

  constructor(db: Db) {
    this.load = db.prepare('SELECT field, vals, dropped FROM log_rolled_fields WHERE source_id = ?');
    this.save = db.prepare(
      `INSERT INTO log_rolled_fields (source_id, field, vals, dropped) VALUES (?, ?, ?, ?)
       ON CONFLICT (source_id, field) DO UPDATE SET vals = excluded.vals, dropped = excluded.dropped`,
    );
    this.drop = db.prepare('DELETE FROM log_field_rollups WHERE field = ? AND source_id = ?');
  }

  fields(sourceId: number): Map<string, Field> {
    let fields = this.sources.get(sourceId);
    if (fields === undefined) {
      fields = new Map();
      for (const r of this.load.all(sourceId) as { field: string; vals: string; dropped: number }[])
        fields.set(r.field, {
          vals: new Set(JSON.parse(r.vals) as string[]),
          dropped: r.dropped === 1,
          changed: false,
        });
      this.sources.set(sourceId, fields);
    }
    return fields;
  }

  /** Writes what changed, inside the batch's transaction; a dropped field's rows go with it. */
  commit(): void {
    for (const [sourceId, fields] of this.sources)
      for (const [name, f] of fields) {
        if (!f.changed) continue;
        this.save.run(sourceId, name, JSON.stringify(f.dropped ? [] : [...f.vals]), f.dropped ? 1 : 0);
        if (f.dropped) this.drop.run(name, sourceId);
        f.changed = false;
      }
  }

  /** Forgets unsaved changes after a failed transaction: they are read again from the database. */
  reset(): void {
    this.sources.clear();
  }
}

/** One batch's lines per minute, source, field and value. */
export class FieldRollupBuffer {
  private readonly counts = new Map<string, { field: string; value: Value; ts: number; sourceId: number; n: number }>();

  constructor(private readonly catalog: FieldCatalog) {}

  addLine(sourceId: number, ts: number, fieldsJson: string | null): void {
    if (fieldsJson === null || fieldsJson.charCodeAt(0) !== 123) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fieldsJson);
    } catch {
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    const fields = this.catalog.fields(sourceId);
    const minute = ts - (((ts % TOKEN_RES) + TOKEN_RES) % TOKEN_RES);
    for (const [name, raw] of Object.entries(parsed)) {
      let f = fields.get(name);
      if (f?.dropped) continue;
      if (raw === null) continue;
      const value = rolledValue(raw);
      if (f === undefined) {
        f = { vals: new Set(), dropped: false, changed: true };
        fields.set(name, f);
      }
      const key = value === undefined ? '' : keyOf(value);
      if (value !== undefined && !f.vals.has(key)) {
        f.vals.add(key);
        f.changed = true;
      }
      if (value === undefined || f.vals.size > MAX_FIELD_VALUES) {
        f.dropped = true;
        f.changed = true;
        f.vals.clear();
        for (const [k, c] of this.counts) if (c.field === name && c.sourceId === sourceId) this.counts.delete(k);
        continue;
      }
      const k = `${minute}|${sourceId}|${name}|${key}`;
      const c = this.counts.get(k);
      if (c) c.n++;
      else this.counts.set(k, { field: name, value, ts: minute, sourceId, n: 1 });
    }
  }

  *rows(): Generator<[field: string, value: Value, ts: number, sourceId: number, lines: number]> {
    for (const c of this.counts.values()) yield [c.field, c.value, c.ts, c.sourceId, c.n];
  }
}

/** Adds a batch's field counts to the stored ones, inside the caller's transaction. */
export function createFieldRollupWriter(db: Db): (buffer: FieldRollupBuffer, catalog: FieldCatalog) => void {
  const rows = new BulkInsert(
    db,
    'INSERT INTO log_field_rollups (field, value, ts, source_id, lines)',
    5,
    'ON CONFLICT (field, value, ts, source_id) DO UPDATE SET lines = lines + excluded.lines',
  );
  return (buffer, catalog) => {
    rows.reset();
    catalog.commit();
    for (const r of buffer.rows()) rows.push(...r);
    rows.flush();
  };
}
