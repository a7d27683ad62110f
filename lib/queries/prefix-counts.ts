import type { Db } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import { TOKEN_RES } from '@/lib/ingest/token-rollups';
import { isRolledUpWord } from '@/lib/search/words';

type Counts = { t: number; n: number }[];
type Where = { where: string; params: unknown[] };

/** The first string after every word starting with `prefix` (letters only). */
const after = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/** Beyond this many lines not yet in the full-text index, the index cannot vouch for the prefix's words. */
const MAX_BACKLOG = 50_000;

/**
 * Whether the token rollups hold every word the full-text index has starting with `prefix`: true
 * when each such word is one the rollups count (letters only, at most 40) and few lines wait for the index.
 */
export function prefixRolledUp(db: Db, prefix: string): boolean {
  const words = db
    .prepare('SELECT term FROM logs_fts_terms WHERE term >= ? AND term < ?')
    .pluck()
    .all(prefix, after(prefix)) as string[];
  const backlog = db
    .prepare('SELECT COUNT(*) FROM (SELECT 1 FROM logs WHERE id > ? LIMIT ?)')
    .pluck()
    .get(ftsMark(db), MAX_BACKLOG + 1) as number;
  return backlog <= MAX_BACKLOG && words.every(isRolledUpWord);
}

/**
 * Lines with a word starting with `prefix`, per step, over the rollup minutes in [a, b): a minute (and
 * source) where one such word occurs is that word's count; a minute where two do (a line may hold both),
 * or whose lines the rollups or the index have not read, is returned in `recount` to be counted from lines.
 */
export function prefixCounts(
  db: Db,
  prefix: string,
  step: number,
  a: number,
  b: number,
  extra: Where,
): { rows: Counts; recount: number[] } {
  const groups = db
    .prepare(
      `SELECT ts, COUNT(*) k, SUM(lines) n FROM log_token_rollups
       WHERE token >= ? AND token < ? AND ts >= ? AND ts < ?${extra.where} GROUP BY ts, source_id`,
    )
    .all(prefix, after(prefix), a, b, ...extra.params) as { ts: number; k: number; n: number }[];
  // `+ts`: the few lines above the index mark are found by id, not by walking the window's time index.
  const unread = db
    .prepare(
      `SELECT ts FROM log_token_rollups WHERE token = '' AND ts >= ? AND ts < ?${extra.where}
       UNION SELECT ts - ts % ${TOKEN_RES} FROM logs WHERE id > ? AND +ts >= ? AND +ts < ?${extra.where}`,
    )
    .pluck()
    .all(a, b, ...extra.params, ftsMark(db), a, b, ...extra.params) as number[];
  const recount = new Set(unread);
  for (const g of groups) if (g.k > 1) recount.add(g.ts);
  const rows: Counts = [];
  for (const g of groups) if (!recount.has(g.ts)) rows.push({ t: g.ts - (g.ts % step), n: g.n });
  return { rows, recount: [...recount].sort((x, y) => x - y) };
}
