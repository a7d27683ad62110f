import type { Db } from '@/lib/db/connection';
import type { Term } from '@/lib/search/parse-query';
import { ftsExpression } from '@/lib/search/query-sql';
import { ftsTokens } from '@/lib/search/unicode61';
import { isRolledUpWord } from '@/lib/search/words';

/** Reading more of a word's lines than this costs more than the time budget a histogram has. */
const MAX_DRIVER_LINES = 150_000;

/**
 * For a histogram, the full-text expression of the required word with the fewest lines kept, counted
 * from the token rollups (cheap however common the word): its lines are read instead of the window's
 * when they are few, and fewer than the window's lines. Each word of a phrase alone is a superset of the phrase.
 */
export function rolledUpDriver(db: Db, terms: Term[], windowLines: number): { expr: string; matches: number } | null {
  const count = db.prepare('SELECT coalesce(SUM(lines), 0) FROM log_token_rollups WHERE token = ?').pluck();
  let best: { expr: string; matches: number } | null = null;
  for (const t of terms) {
    if (t.kind !== 'text' || t.negate) continue;
    const words = ftsTokens(t.text);
    const prefix = !t.phrase && t.text.endsWith('*');
    for (const [i, w] of words.entries()) {
      if ((prefix && i === words.length - 1) || !isRolledUpWord(w)) continue;
      const matches = count.get(w) as number;
      if (best === null || matches < best.matches)
        best = { expr: ftsExpression({ ...t, text: w, phrase: false }) as string, matches };
    }
  }
  return best !== null && best.matches <= MAX_DRIVER_LINES && best.matches < windowLines ? best : null;
}
