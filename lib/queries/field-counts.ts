import type { Db } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import type { Comparator, Term } from '@/lib/search/parse-query';
import { isColumnField, termsToSql } from '@/lib/search/query-sql';

type Counts = { t: number; n: number }[];
type Where = { where: string; params: unknown[] };

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Lines above the index mark have no field rollups yet and are counted; beyond this many, they cost too much. */
const MAX_BACKLOG = 50_000;

export interface RolledUpField {
  term: Term;
  field: string;
  op: Comparator;
  value: string | number;
}

/**
 * A lone `field:value` (or comparison) on an original field whose every kept line's value the field
 * rollups hold (up to the index mark): no source dropped the field, no kept line predates the rollups,
 * and few lines wait for the index. The value is typed as `termsToSql` types it, so the rollups compare
 * exactly as json_extract on the lines does.
 */
export function fieldRolledUp(db: Db, terms: Term[]): RolledUpField | null {
  if (terms.length !== 1) return null;
  const [t] = terms;
  if (t.kind !== 'field' || t.negate || isColumnField(t.field) || t.field.includes('"')) return null;
  const ok = db
    .prepare(
      `SELECT NOT EXISTS (SELECT 1 FROM logs WHERE id <= (SELECT value FROM meta WHERE key = 'field_rollups_from_id'))
         AND NOT EXISTS (SELECT 1 FROM log_rolled_fields WHERE field = ? AND dropped = 1)
         AND (SELECT COUNT(*) FROM (SELECT 1 FROM logs WHERE id > ? LIMIT ?)) <= ?`,
    )
    .pluck()
    .get(t.field, ftsMark(db), MAX_BACKLOG + 1, MAX_BACKLOG) as number;
  if (ok !== 1) return null;
  return { term: t, field: t.field, op: t.op, value: NUMBER.test(t.value) ? Number(t.value) : t.value };
}

/**
 * Lines per step whose field compares true in [a, b): the field rollups of its minutes, plus the lines
 * above the index mark (not rolled up yet), found by id.
 */
export function fieldCounts(db: Db, f: RolledUpField, step: number, a: number, b: number, extra: Where): Counts {
  const mark = ftsMark(db);
  const rolled = db
    .prepare(
      `SELECT (ts - ts % ?) t, SUM(lines) n FROM log_field_rollups
       WHERE field = ? AND value ${f.op} ? AND ts >= ? AND ts < ?${extra.where} GROUP BY t`,
    )
    .all(step, f.field, f.value, a, b, ...extra.params) as Counts;
  const term = termsToSql([f.term], mark);
  const above = db
    .prepare(
      `SELECT (ts - ts % ?) t, COUNT(*) n FROM logs
       WHERE id > ? AND +ts >= ? AND +ts < ? AND ${term.where}${extra.where} GROUP BY t`,
    )
    .all(step, mark, a, b, ...term.params, ...extra.params) as Counts;
  return [...rolled, ...above];
}
