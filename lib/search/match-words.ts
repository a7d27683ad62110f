import type { Db } from '@/lib/db/connection';
import { ftsTokens, isAscii, tokenizable } from './unicode61';

type Pattern = { tokens: string[]; prefix: boolean } | null;
const patterns = new Map<string, Pattern>();

/** The tokens of a full-text expression built by `ftsExpression` (`"a b"` or `"a b"*`). */
function patternOf(expr: string): Pattern {
  let p = patterns.get(expr);
  if (p !== undefined) return p;
  const prefix = expr.endsWith('*');
  const inner = expr.slice(1, prefix ? -2 : -1).replace(/""/g, '"');
  const tokens = tokenizable(inner) ? ftsTokens(inner) : [];
  p = tokens.length ? { tokens, prefix } : null;
  if (patterns.size > 500) patterns.clear();
  patterns.set(expr, p);
  return p;
}

/**
 * Whether the full-text index would match `expr` on this message, decided from the text as SQLite's
 * `unicode61` tokenizer splits and folds it (lib/search/unicode61.ts): 1 or 0, or null for text SQLite
 * would store differently (a lone surrogate, a NUL).
 */
export function wordsMatch(message: string, expr: string): 0 | 1 | null {
  const p = patternOf(expr);
  if (p === null) return null;
  let words: string[];
  if (isAscii(message)) {
    const lower = message.toLowerCase();
    if (isAscii(p.tokens[0]) && !lower.includes(p.tokens[0])) return 0;
    words = ftsTokens(lower);
  } else {
    if (!tokenizable(message)) return null;
    words = ftsTokens(message);
  }
  const n = p.tokens.length;
  next: for (let i = 0; i + n <= words.length; i++) {
    for (let j = 0; j < n; j++) {
      const w = words[i + j];
      const q = p.tokens[j];
      if (p.prefix && j === n - 1 ? !w.startsWith(q) : w !== q) continue next;
    }
    return 1;
  }
  return 0;
}

const registered = new WeakSet<Db>();

/** Makes `lookout_words(message, expr)` available on this connection. */
export function registerWordMatch(db: Db): void {
  if (registered.has(db)) return;
  db.function('lookout_words', { deterministic: true }, (message: unknown, expr: unknown) =>
    typeof message === 'string' && typeof expr === 'string' ? wordsMatch(message, expr) : null,
  );
  registered.add(db);
}
