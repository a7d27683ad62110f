import type { Db } from '@/lib/db/connection';
import type { Comparator, Term } from '@/lib/search/parse-query';
import { isColumnField } from '@/lib/search/query-sql';

type Counts = { t: number; n: number }[];
type Where = { where: string; params: unknown[] };

const NUMBER = /^-?\d+(\.\d+)?$/;

export interface RolledUpField {
  field: string;
  op: Comparator;
  value: string | number;
}

/**
 * A lone `field:value` (or comparison) on an original field whose every kept line's value the field
 * rollups hold: no source dropped the field, and no kept line predates the rollups. The value is
 * typed as `termsToSql` types it, so the rollups compare exactly as json_extract on the lines does.
 */
export function fieldRolledUp(db: Db, terms: Term[]): RolledUpField | null {
  if (terms.length !== 1) return null;
  const [t] = terms;
  if (t.kind !== 'field' || t.negate || isColumnField(t.field) || t.field.includes('"')) return null;
  const ok = db
    .prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM logs WHERE id <= (SELECT value FROM meta WHERE key = 'field_rollups_from_id'))
         AND NOT EXISTS (SELECT 1 FROM log_rolled_fields WHERE field = ? AND dropped = 1)`,
    )
    .pluck()
    .get(t.field) as number;
  if (ok !== 1) return null;
  return { field: t.field, op: t.op, value: NUMBER.test(t.value) ? Number(t.value) : t.value };
}

/** Lines per step whose field compares true, from the field rollups of the minutes in [a, b). */
export function fieldCounts(db: Db, f: RolledUpField, step: number, a: number, b: number, extra: Where): Counts {
  return db
    .prepare(
      `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_field_rollups
       WHERE field = ? AND value ${f.op} ? AND ts >= ? AND ts < ?${extra.where} GROUP BY t`,
    )
    .all(step, f.field, f.value, a, b, ...extra.params) as Counts;
}
