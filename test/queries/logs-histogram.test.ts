import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { getLogsHistogram } from '@/lib/queries/get-logs-histogram';
import { parseQuery } from '@/lib/search/parse-query';
import { termsToSql } from '@/lib/search/query-sql';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
const LEVELS = ['info', 'info', 'info', 'warn', 'error', null] as const;
const PROVIDERS = ['groq', 'openai', null] as const;

function line(i: number, ts: number): IngestRecord {
  const status = i % 3 === 0 ? null : i % 23 === 0 ? 502 : i % 31 === 0 ? 429 : 200;
  return {
    ts,
    level: LEVELS[i % LEVELS.length],
    message: `line ${i}`,
    fieldsJson: null,
    flags: 0,
    provider: PROVIDERS[i % 3],
    model: null,
    status,
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

beforeAll(() => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  db.prepare(
    `INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0), (2, 'other', 'http', 0)`,
  ).run();
  const write = createLogWriter(db);
  // Three days, a line every 13.7 s from two sources, so every window edge cuts through rollup buckets.
  for (const sourceId of [1, 2]) {
    let batch: IngestRecord[] = [];
    for (let i = 0, ts = T0 + 4_321 + sourceId; ts < T0 + 3 * DAY; i++, ts += 13_700) {
      batch.push(line(i * sourceId, ts));
      if (batch.length === 2_000) {
        write({ sourceId, records: batch, rejects: [], linesRead: batch.length, receivedAt: ts });
        batch = [];
      }
    }
    write({ sourceId, records: batch, rejects: [], linesRead: batch.length, receivedAt: T0 });
  }
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The reference: every matching line counted one by one, by the search's own WHERE clause. */
function rawCounts(
  q: string,
  from: number,
  to: number,
  step: number,
  extra: { source?: string; level?: string } = {},
): [number, number][] {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error);
  const { where, params } = termsToSql(parsed.terms, ftsMark(db));
  const rows = db
    .prepare(
      `SELECT ts, (SELECT name FROM log_sources s WHERE s.id = logs.source_id) src, level FROM logs NOT INDEXED WHERE ts >= ? AND ts <= ? AND ${where}`,
    )
    .all(from, to, ...params) as { ts: number; src: string; level: string | null }[];
  const counts = new Map<number, number>();
  for (const r of rows) {
    if ((extra.source && r.src !== extra.source) || (extra.level && r.level !== extra.level)) continue;
    const t = r.ts - (r.ts % step);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const out: [number, number][] = [];
  for (let t = Math.floor(from / step) * step; t < to; t += step) out.push([t, counts.get(t) ?? 0]);
  return out;
}

function histogram(q: string, from: number, to: number, step: number, extra: { source?: string; level?: string } = {}) {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error);
  return getLogsHistogram(db, { from, to, stepMs: step, terms: parsed.terms, ...extra }).points;
}

const WINDOWS: [number, number, number][] = [
  [T0 + 3_333, T0 + 2 * DAY + 7_777_777, 5_040_000],
  [T0 + 40 * 60_000 + 17, T0 + 5 * 3_600_000 + 59_999, 600_000],
  [T0 - DAY, T0 + 4 * DAY, 3_600_000],
  [T0 + DAY + 12_345, T0 + DAY + 20 * 60_000 + 1, 10_000],
];

describe('the logs histogram fast paths', () => {
  it('counts exactly the lines a raw scan counts, for field terms on rollups and on lines', () => {
    const queries = [
      'status:>=500',
      'status:429',
      'status:<300',
      '-status:429',
      '-status:<300',
      'status:>199 status:<=429',
      'provider:groq',
      'provider:groq status:200',
      '-provider:groq',
      'level:error',
      'level:ERR',
      '-level:info',
      'level:warn source:other',
      'source:ccproxy',
      '-source:ccproxy',
      'source:nothing',
      '-status:>=500',
      'status:>=500 -provider:groq',
      'level:error level:warn',
      'level:info provider:openai -status:200 source:other',
      'line',
      'status:two',
    ];
    for (const q of queries) {
      for (const [from, to, step] of WINDOWS) {
        const fast = histogram(q, from, to, step);
        expect(fast, `${q} over ${from}…${to}`).toEqual(rawCounts(q, from, to, step));
      }
    }
    expect(histogram('level:error', ...WINDOWS[0]).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(1_000);
  });

  it('combines the source and level parameters with the terms', () => {
    const [from, to, step] = WINDOWS[0];
    for (const [q, extra] of [
      ['level:error', { source: 'other' }],
      ['', { level: 'warn', source: 'ccproxy' }],
      ['level:warn', { level: 'error' }],
      ['status:>=500', { level: 'info' }],
      ['provider:groq', { source: 'other', level: 'warn' }],
      ['word', { source: 'ccproxy' }],
    ] as const) {
      expect(histogram(q, from, to, step, extra), `${q} ${JSON.stringify(extra)}`).toEqual(
        rawCounts(q, from, to, step, extra),
      );
    }
  });

  it('counts only lines still kept once retention has pruned the oldest', () => {
    db.prepare('DELETE FROM logs WHERE ts < ?').run(T0 + DAY + 1_000_003);
    for (const q of ['level:error', 'source:other', 'status:>=500', 'provider:openai -status:200']) {
      const [from, to, step] = WINDOWS[2];
      expect(histogram(q, from, to, step), q).toEqual(rawCounts(q, from, to, step));
    }
  });
});
