import { ftsTokens, tokenizable } from './unicode61';

const WORD = /^[a-z]{1,40}$/;

/** Whether the token rollups count this (lower-case) full-text token. */
export const isRolledUpWord = (token: string) => WORD.test(token);

/**
 * The distinct full-text tokens of a message that the token rollups count (as SQLite's tokenizer
 * folds them: `Café` counts as `cafe`), or null for text SQLite would store differently.
 */
export function rolledUpWords(message: string): string[] | null {
  if (!tokenizable(message)) return null;
  const out: string[] = [];
  for (const r of ftsTokens(message)) if (WORD.test(r) && !out.includes(r)) out.push(r);
  return out;
}
