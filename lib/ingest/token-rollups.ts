import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { rolledUpWords } from '@/lib/search/words';

export const TOKEN_RESOLUTIONS = [10_000, 60_000] as const;
/** Lines whose words are not counted (a character outside printable ASCII) count under this token. */
export const UNCOUNTED = '';

const floorTo = (ts: number, res: number) => ts - (((ts % res) + res) % res);

/** One batch's lines per 10 s bucket, source and word. */
export class TokenRollupBuffer {
  private readonly counts = new Map<string, number>();

  addLine(sourceId: number, ts: number, message: string): void {
    const words = rolledUpWords(message) ?? [UNCOUNTED];
    const prefix = `${floorTo(ts, TOKEN_RESOLUTIONS[0])}|${sourceId}|`;
    for (const w of words) {
      const key = prefix + w;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  *rows(): Generator<[res: number, token: string, ts: number, sourceId: number, lines: number]> {
    const coarse = new Map<string, number>();
    for (const [key, n] of this.counts) {
      const [ts, sourceId, token] = key.split('|');
      yield [TOKEN_RESOLUTIONS[0], token, Number(ts), Number(sourceId), n];
      const k = `${floorTo(Number(ts), TOKEN_RESOLUTIONS[1])}|${sourceId}|${token}`;
      coarse.set(k, (coarse.get(k) ?? 0) + n);
    }
    for (const [key, n] of coarse) {
      const [ts, sourceId, token] = key.split('|');
      yield [TOKEN_RESOLUTIONS[1], token, Number(ts), Number(sourceId), n];
    }
  }
}

/** Adds a batch's word counts to the stored ones, inside the caller's transaction. */
export function createTokenRollupWriter(db: Db): (buffer: TokenRollupBuffer) => void {
  const rows = new BulkInsert(
    db,
    'INSERT INTO log_token_rollups (res, token, ts, source_id, lines)',
    5,
    'ON CONFLICT (res, token, ts, source_id) DO UPDATE SET lines = lines + excluded.lines',
  );
  return (buffer) => {
    rows.reset();
    for (const r of buffer.rows()) rows.push(...r);
    rows.flush();
  };
}
