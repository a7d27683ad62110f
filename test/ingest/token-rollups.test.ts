import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsOf } from '@/lib/config/provisioning';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { pruneOnce } from '@/lib/engine/retention';
import { ftsMark } from '@/lib/ingest/fts-index';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { getLogsHistogram } from '@/lib/queries/get-logs-histogram';
import { parseQuery } from '@/lib/search/parse-query';
import { termsToSql } from '@/lib/search/query-sql';
import { rolledUpWords } from '@/lib/search/words';
import { tempDir } from '../helpers/temp-dir';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

function record(ts: number, message: string): IngestRecord {
  return {
    ts,
    level: 'info',
    message,
    fieldsJson: null,
    flags: 0,
    provider: null,
    model: null,
    status: null,
    durationMs: null,
    inputTokens: null,
    outputTokens: null,
    requestId: null,
    isRequest: false,
    requests: [],
  };
}

let dir: string;
let db: Db;

beforeEach(() => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'app', 'http', 0)`).run();
  const write = createLogWriter(db);
  // Nine days, a line every 30 s, in small batches (indexed as they are written, as live traffic is).
  for (let start = NOW - 9 * DAY; start < NOW; start += 200 * 30_000) {
    const records: IngestRecord[] = [];
    for (let ts = start; ts < Math.min(NOW, start + 200 * 30_000); ts += 30_000)
      records.push(record(ts, ts % 90_000 === 0 ? 'upstream groq timed out' : 'request served, café ok'));
    write({ sourceId: 1, records, rejects: [], linesRead: records.length, receivedAt: NOW });
  }
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plainCount(q: string, from: number, to: number): number {
  const p = parseQuery(q);
  if (!p.ok) throw new Error(p.error);
  const { where, params } = termsToSql(p.terms, ftsMark(db), 'set');
  return db
    .prepare(`SELECT COUNT(*) FROM logs NOT INDEXED WHERE ts >= ? AND ts <= ? AND ${where}`)
    .pluck()
    .get(from, to, ...params) as number;
}

function histogramTotal(q: string, from: number, to: number): number {
  const p = parseQuery(q);
  if (!p.ok) throw new Error(p.error);
  return getLogsHistogram(db, { from, to, stepMs: 3_600_000, terms: p.terms }, 60_000).points.reduce(
    (n, [, c]) => n + c,
    0,
  );
}

describe('token rollups', () => {
  it('reads the words the full-text tokenizer would, in any script', () => {
    expect(rolledUpWords('Routed to provider=groq, model=groq-large, tokens=523')).toEqual([
      'routed',
      'to',
      'provider',
      'groq',
      'model',
      'large',
      'tokens',
    ]);
    // As unicode61 folds them: diacritics removed, other scripts kept (but only ASCII-letter words are counted).
    expect(rolledUpWords('Café au LAIT, Grüße')).toEqual(['cafe', 'au', 'lait']);
    expect(rolledUpWords('tab\there')).toEqual(['tab', 'here']);
    expect(rolledUpWords('Ошибка naïve')).toEqual(['naive']);
    expect(rolledUpWords('lone \ud800 surrogate')).toBeNull();
  });

  it('are pruned with the lines, and the histogram still equals the lines after whole days go', async () => {
    const before = db
      .prepare('SELECT COUNT(*) FROM log_token_rollups WHERE ts < ?')
      .pluck()
      .get(NOW - 7 * DAY);
    expect(before).toBeGreaterThan(0);
    const started = performance.now();
    await pruneOnce(db, NOW, settingsOf({ retention: { logs: '7d' } }), 2_000);
    const took = performance.now() - started;
    expect(
      db
        .prepare('SELECT COUNT(*) FROM log_token_rollups WHERE ts < ?')
        .pluck()
        .get(NOW - 7 * DAY - 60_000),
    ).toBe(0);
    expect(took).toBeLessThan(5_000);
    for (const q of ['groq', '-groq', 'served', 'cafe', 'timed'])
      expect(histogramTotal(q, NOW - 8 * DAY, NOW), q).toBe(plainCount(q, NOW - 8 * DAY, NOW));
  });

  it('are not trusted while lines from before migration 060 (never counted) are kept', () => {
    // As a database upgraded to 060 looks: its lines are in no token rollup.
    db.prepare(`UPDATE meta SET value = (SELECT MAX(id) FROM logs) WHERE key = 'token_rollups_from_id'`).run();
    db.prepare('DELETE FROM log_token_rollups').run();
    for (const q of ['groq', '-groq', 'served'])
      expect(histogramTotal(q, NOW - 3 * DAY, NOW), q).toBe(plainCount(q, NOW - 3 * DAY, NOW));
    expect(histogramTotal('groq', NOW - 3 * DAY, NOW)).toBeGreaterThan(0);
  });
});
