import type { Db } from '@/lib/db/connection';
import type { Term } from '@/lib/search/parse-query';
import { ftsExpression } from '@/lib/search/query-sql';

/** Up to this many full-text matches, reading the matches beats walking the time window. */
export const RARE_CAP = 10_000;

/**
 * The full-text expression of the required word term with the fewest matches in the whole index,
 * when it has fewer than `RARE_CAP`: then a query reads those lines (and those above the index mark)
 * rather than every line of its window. Counting stops at the cap, so a common word costs little here.
 */
export function rareDriver(db: Db, terms: Term[]): { expr: string; matches: number } | null {
  const count = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM logs_fts WHERE logs_fts MATCH ? LIMIT ?)').pluck();
  let best: { expr: string; matches: number } | null = null;
  for (const t of terms) {
    if (t.kind !== 'text' || t.negate) continue;
    const expr = ftsExpression(t);
    if (expr === null) continue;
    // Each word of a phrase alone is a superset of the phrase's lines (the query still tests the
    // phrase), and counting one word's lines skips the positions a phrase must compare.
    const words = t.text.match(/[\p{L}\p{N}_]+/gu) ?? [];
    const prefix = expr.endsWith('*');
    const candidates =
      words.length > 1
        ? words.map((w, i) =>
            ftsExpression({ ...t, text: i === words.length - 1 && prefix ? `${w}*` : w, phrase: false }),
          )
        : [expr];
    for (const c of candidates) {
      if (c === null) continue;
      const matches = count.get(c, RARE_CAP) as number;
      if (matches < RARE_CAP && (best === null || matches < best.matches)) best = { expr: c, matches };
    }
  }
  return best;
}

/**
 * Whether the time index should still lead with a driver: walking a short window's index entries
 * (and testing each against the driver's few ids) costs less than reading every match in the whole
 * index, most of them outside the window. The window's lines are estimated from the hourly line rollups.
 */
export function timeLeads(db: Db, from: number, to: number, matches: number): boolean {
  return windowLines(db, from, to) < matches * 30;
}

/** About how many lines [from, to] holds: the hourly line rollups of the hours it touches. */
export function windowLines(db: Db, from: number, to: number): number {
  return db
    .prepare('SELECT coalesce(SUM(lines), 0) FROM log_line_rollups WHERE res = 3600000 AND ts >= ? AND ts <= ?')
    .pluck()
    .get(from - (from % 3_600_000), to) as number;
}

/** `id IN (…)` for the driver's lines and every line above the index mark; parameters: expression, mark. */
export const DRIVER_IDS =
  'id IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH ? UNION ALL SELECT id FROM logs WHERE id > ?)';
