/** Printable ASCII only: there SQLite's unicode61 tokenizer splits exactly where `RUN` does. */
const CLEAN = /^[\x20-\x7e]*$/;
const RUN = /[a-z0-9]+/g;
const WORD = /^[a-z]{1,40}$/;

/** Whether the token rollups count this (lower-case) full-text token. */
export const isRolledUpWord = (token: string) => WORD.test(token);

/**
 * The distinct full-text tokens of a message that the token rollups count, or null when the message
 * has a character outside printable ASCII (then its tokens are left to the full-text index alone).
 */
export function rolledUpWords(message: string): string[] | null {
  if (!CLEAN.test(message)) return null;
  const runs = message.toLowerCase().match(RUN);
  if (!runs) return [];
  const out: string[] = [];
  for (const r of runs) if (WORD.test(r) && !out.includes(r)) out.push(r);
  return out;
}
