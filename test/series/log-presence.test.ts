import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { getLogTotals } from '@/lib/queries/get-log-totals';
import { evaluateInstant, labelsKey, parsePromQL } from '@/lib/rules';
import { readLogWindow } from '@/lib/series/log-series';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const H = 3_600_000;
const T = Date.UTC(2026, 10, 27, 12, 30);
const STARTED = T - 3 * H + 60_000; // /metrics counts from the hour Lookout started in: T - 3h 30m
const INSTANCE = '127.0.0.1:3000';

function request(ts: number, status: number, provider: string): IngestRecord {
  const q = { ts, status, durationMs: 120, provider, model: 'm', inputTokens: 1, outputTokens: 1, rateLimited: false };
  return {
    ts,
    level: status >= 500 ? 'error' : 'info',
    message: 'HTTP response sent',
    fieldsJson: null,
    flags: 0,
    provider,
    model: 'm',
    status,
    durationMs: 120,
    inputTokens: 1,
    outputTokens: 1,
    requestId: null,
    isRequest: true,
    requests: [q],
  };
}

describe('log counters are present as long as /metrics exports them', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = tempDir();
    db = openWriteDb(path.join(dir, 'data'));
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0)`).run();
    const records = [
      request(T - 4 * H, 200, 'mistral'), // before the hour Lookout started in: in neither view
      request(T - 150 * 60_000, 502, 'gemini'), // an hour older than any window read: an hourly rollup tells
      request(T - 80 * 60_000, 502, 'groq'), // the 10 s rollups of the window's first hour tell
      request(T - 20 * 60_000, 500, 'groq'),
      request(T - 2 * 60_000, 200, 'openai'),
    ];
    createLogWriter(db)({ sourceId: 1, records, rejects: [], linesRead: records.length, receivedAt: T });
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const src = () => createSqliteSeriesSource(db, { sinceMs: STARTED, instance: INSTANCE });
  const run = (expr: string, source = src()) => evaluateInstant(parsePromQL(expr), source, T);
  const keys = (labels: Record<string, string>[]) => labels.map((l) => labelsKey(l)).sort();

  it('has the label sets /metrics exports, with its instance label, for every log family', () => {
    const exported = getLogTotals(db, STARTED, INSTANCE);
    for (const family of [
      'http_requests_total',
      'llm_tokens_total',
      'log_lines_total',
      'http_request_duration_seconds_bucket',
    ]) {
      const inside = run(family).map((s) => s.labels);
      const outside = exported.filter((s) => s.name === family).map((s) => ({ __name__: family, ...s.labels }));
      expect(inside.length).toBeGreaterThan(0);
      expect(keys(inside)).toEqual(keys(outside));
    }
    expect(run('http_requests_total{provider="mistral"}')).toEqual([]);
  });

  it('so a label set without new requests reads as flat: increase() == 0, not absent', () => {
    expect(run('increase(http_requests_total{provider="gemini"}[5m]) == 0').map((s) => s.labels.status)).toEqual([
      '502',
    ]);
    expect(run('absent(http_requests_total{provider="groq", status="502"})')).toEqual([]);
    expect(run('http_requests_total unless http_requests_total{provider="openai"}').length).toBe(3);
    // Without Lookout's start the series lasts while it has rows, as before.
    const bare = createSqliteSeriesSource(db);
    expect(run('http_requests_total{provider="gemini"}', bare)).toEqual([]);
    expect(run('http_requests_total{provider="openai"}', bare).map((s) => s.labels.instance)).toEqual([undefined]);
  });

  it("counts requests in the window as before; a raw value still counts from the window start, not from Lookout's", () => {
    expect(run('increase(http_requests_total{provider="openai"}[5m]) > 0').length).toBe(1);
    expect(run('http_requests_total{provider="groq", status="500"}').map((s) => s.value)).toEqual([0]);
    expect(getLogTotals(db, STARTED, INSTANCE).find((s) => s.labels.status === '500')?.value).toBe(1);
    // A request is seen at once, as the next scrape would see it, not when its 10 s bucket closes.
    const openai = (ms: number) =>
      evaluateInstant(parsePromQL('http_requests_total{provider="openai"}'), src(), ms).map((s) => s.value);
    expect(openai(T - 2 * 60_000 + 3_000)).toEqual([1]);
    expect(openai(T - 2 * 60_000 - 1)).toEqual([]);
  });

  it('answers the same from a cached wider window as from a fresh read of the range', () => {
    const cached = src();
    cached.select([{ name: '__name__', op: '=', value: 'up' }], T - 2 * H, T); // a wide window first
    const sorted = (xs: { labels: Record<string, string>; samples: [number, number][] }[]) =>
      xs.map((x) => JSON.stringify([labelsKey(x.labels), x.samples])).sort();
    for (const [start, end] of [
      [T - 5 * 60_000, T],
      [T - 30 * 60_000 + 1_234, T - 10 * 60_000 + 7],
      [T - 70 * 60_000, T - 60_000],
    ]) {
      const fresh = readLogWindow(db, start - 10_000, end, undefined, STARTED, INSTANCE).select(
        undefined,
        [],
        start,
        end,
      );
      expect(fresh.length).toBeGreaterThan(0);
      expect(sorted(cached.select([{ name: 'job', op: '=', value: 'ccproxy' }], start, end))).toEqual(sorted(fresh));
    }
  });
});
