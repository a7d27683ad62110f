import type { Db } from '@/lib/db/connection';
import type { Term } from '@/lib/search/parse-query';
import { ftsExpression } from '@/lib/search/query-sql';

/** Up to this many full-text matches, reading the matches beats walking the time window. */
export const RARE_CAP = 50_000;

/**
 * The full-text expression of the required word term with the fewest matches in the whole index,
 * when it has fewer than `RARE_CAP`: then a query reads those lines (and those above the index mark)
 * rather than every line of its window. Counting stops at the cap, so a common word costs little here.
 */
export function rareDriver(db: Db, terms: Term[]): string | null {
  const count = db.prepare('SELECT COUNT(*) FROM (SELECT 1 FROM logs_fts WHERE logs_fts MATCH ? LIMIT ?)').pluck();
  let best: { expr: string; n: number } | null = null;
  for (const t of terms) {
    if (t.kind !== 'text' || t.negate) continue;
    const expr = ftsExpression(t);
    if (expr === null) continue;
    const n = count.get(expr, RARE_CAP) as number;
    if (n < RARE_CAP && (best === null || n < best.n)) best = { expr, n };
  }
  return best?.expr ?? null;
}

/** `id IN (…)` for the driver's lines and every line above the index mark; parameters: expression, mark. */
export const DRIVER_IDS =
  'id IN (SELECT rowid FROM logs_fts WHERE logs_fts MATCH ? UNION ALL SELECT id FROM logs WHERE id > ?)';
