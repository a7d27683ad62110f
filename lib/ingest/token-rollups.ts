import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { rolledUpWords } from '@/lib/search/words';

/** Width of a token rollup bucket: shorter windows count their lines, which are few. */
export const TOKEN_RES = 60_000;
/** Lines whose words are not counted (a character outside printable ASCII) count under this token. */
export const UNCOUNTED = '';
/** Every line counts under this token too: a negated word's histogram is this minus the word. */
export const ALL_LINES = '*';

const UNCOUNTED_WORDS = [UNCOUNTED];
// Many messages repeat word for word ("API action", "HTTP request received"): their words are kept.
const recent = new Map<string, string[]>();

function wordsOf(message: string): string[] {
  let words = recent.get(message);
  if (words === undefined) {
    words = rolledUpWords(message) ?? UNCOUNTED_WORDS;
    if (recent.size >= 1_000) recent.clear();
    if (message.length <= 200) recent.set(message, words);
  }
  return words;
}

/** One batch's lines per minute, source and word. */
export class TokenRollupBuffer {
  private readonly counts = new Map<string, number>();

  addLine(sourceId: number, ts: number, message: string): void {
    const words = wordsOf(message);
    const prefix = `${ts - (((ts % TOKEN_RES) + TOKEN_RES) % TOKEN_RES)}|${sourceId}|`;
    for (const w of words) {
      const key = prefix + w;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    const all = prefix + ALL_LINES;
    this.counts.set(all, (this.counts.get(all) ?? 0) + 1);
  }

  *rows(): Generator<[token: string, ts: number, sourceId: number, lines: number]> {
    for (const [key, n] of this.counts) {
      const [ts, sourceId, token] = key.split('|');
      yield [token, Number(ts), Number(sourceId), n];
    }
  }
}

/** Adds a batch's word counts to the stored ones, inside the caller's transaction. */
export function createTokenRollupWriter(db: Db): (buffer: TokenRollupBuffer) => void {
  const rows = new BulkInsert(
    db,
    'INSERT INTO log_token_rollups (token, ts, source_id, lines)',
    4,
    'ON CONFLICT (token, ts, source_id) DO UPDATE SET lines = lines + excluded.lines',
  );
  return (buffer) => {
    rows.reset();
    for (const r of buffer.rows()) rows.push(...r);
    rows.flush();
  };
}
