import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord, RequestFacts } from '@/lib/ingest/record';
import { getStatsErrors } from '@/lib/queries/get-stats-errors';
import { getStatsLatency } from '@/lib/queries/get-stats-latency';
import { getStatsProviders } from '@/lib/queries/get-stats-providers';
import { getStatsRequests } from '@/lib/queries/get-stats-requests';
import { getStatsSummary } from '@/lib/queries/get-stats-summary';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';

const PROVIDERS = ['groq', 'openai', 'gemini'];
const STATUSES = [200, 200, 200, 200, 200, 200, 429, 502, 500, 400];
const T0 = Date.UTC(2026, 10, 1);

function record(ts: number, q: RequestFacts | null, level = 'info'): IngestRecord {
  return {
    ts,
    level,
    message: q ? `HTTP response sent ${q.status}` : 'Streamed 3 events',
    fieldsJson: null,
    flags: 0,
    provider: q?.provider ?? null,
    model: q?.model ?? null,
    status: q?.status ?? null,
    durationMs: q?.durationMs ?? null,
    inputTokens: q?.inputTokens ?? null,
    outputTokens: q?.outputTokens ?? null,
    requestId: null,
    isRequest: !!q,
    requests: q ? [q] : [],
  };
}

let dir: string;
let db: Db;
const all: RequestFacts[] = [];

beforeAll(() => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  db.prepare(
    `INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0), (2, 'other', 'http', 0)`,
  ).run();
  const write = createLogWriter(db);
  let batch: IngestRecord[] = [];
  // Three days of requests every 37 s, so windows cut through every rollup width.
  for (let i = 0, ts = T0 + 1_234; ts < T0 + 3 * 86_400_000; i++, ts += 37_000) {
    const status = i % 97 === 5 ? null : STATUSES[i % STATUSES.length];
    const q: RequestFacts = {
      ts,
      status,
      durationMs: 50 + ((i * 7919) % 4000),
      provider: PROVIDERS[i % 3],
      model: `m${i % 2}`,
      inputTokens: 100 + (i % 13),
      outputTokens: i % 3 === 0 ? 20 : null,
      rateLimited: status === 429 || i % 211 === 0,
    };
    all.push(q);
    batch.push(record(ts, q), record(ts + 1, null, i % 5 === 0 ? 'error' : 'info'));
    if (batch.length >= 1_000) {
      write({ sourceId: 1, records: batch, rejects: [], linesRead: batch.length, receivedAt: ts });
      batch = [];
    }
  }
  write({ sourceId: 1, records: batch, rejects: [], linesRead: batch.length, receivedAt: T0 });
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function brute(from: number, to: number, provider?: string) {
  const qs = all.filter((q) => q.ts >= from && q.ts < to && (!provider || q.provider === provider));
  const s = (q: RequestFacts) => q.status ?? 0;
  return {
    requests: qs.length,
    errors: qs.filter((q) => s(q) === 0 || s(q) >= 500).length,
    client_errors: qs.filter((q) => s(q) >= 400 && s(q) < 500).length,
    rate_limited: qs.filter((q) => s(q) === 429 || q.rateLimited).length,
    input: qs.reduce((n, q) => n + (q.inputTokens ?? 0), 0),
    output: qs.reduce((n, q) => n + (q.outputTokens ?? 0), 0),
    durations: qs.map((q) => q.durationMs!),
  };
}

const WINDOWS: [string, number, number][] = [
  ['odd 3 minutes', T0 + 3_600_000 + 4_321, T0 + 3_600_000 + 184_321],
  ['odd 7 hours', T0 + 12_345, T0 + 7 * 3_600_000 + 54_321],
  ['odd 49 hours', T0 + 3_333_333, T0 + 49 * 3_600_000 + 3_333_333],
  ['everything', T0, T0 + 4 * 86_400_000],
];

describe('log stats', () => {
  it.each(WINDOWS)('summary counts are exact over %s, percentiles within 5 %%', (_name, from, to) => {
    const b = brute(from, to);
    const s = getStatsSummary(db, from, to, {});
    expect({ ...s, latency_ms: undefined }).toEqual({
      requests: b.requests,
      errors: b.errors,
      error_rate: b.requests ? b.errors / b.requests : 0,
      client_errors: b.client_errors,
      rate_limited: b.rate_limited,
      latency_ms: undefined,
      tokens: { input: b.input, output: b.output },
    });
    for (const [q, v] of [
      [0.5, s.latency_ms.p50],
      [0.95, s.latency_ms.p95],
      [0.99, s.latency_ms.p99],
    ] as const) {
      const exact = exactQuantile(b.durations, q)!;
      expect(Math.abs(v! - exact) / exact).toBeLessThanOrEqual(0.05);
    }
  });

  it('filters by provider and groups by provider exactly', () => {
    const [, from, to] = WINDOWS[2];
    expect(getStatsSummary(db, from, to, { provider: 'groq' }).requests).toBe(brute(from, to, 'groq').requests);
    const rows = getStatsProviders(db, from, to, {});
    expect(rows.map((r) => r.provider).sort()).toEqual([...PROVIDERS].sort());
    for (const r of rows) {
      const b = brute(from, to, r.provider);
      expect([r.requests, r.errors, r.rate_limited, r.input_tokens, r.output_tokens]).toEqual([
        b.requests,
        b.errors,
        b.rate_limited,
        b.input,
        b.output,
      ]);
    }
    expect(getStatsSummary(db, from, to, { source: 'other' }).requests).toBe(0);
    expect(getStatsSummary(db, from, to, { source: 'missing' }).requests).toBe(0);
  });

  it('counts errors by status and problem lines by level', () => {
    const [, from, to] = WINDOWS[1];
    const byStatus = getStatsErrors(db, from, to, 'status', {});
    const b = brute(from, to);
    expect(byStatus.reduce((n, e) => n + e.count, 0)).toBe(b.errors);
    expect(byStatus.map((e) => e.key).sort()).toEqual(['500', '502', 'none']);
    const byLevel = getStatsErrors(db, from, to, 'level', {});
    expect(byLevel.map((e) => e.key)).toEqual(['error']);
  });

  it('returns a request series whose points add up to the rollup totals', () => {
    const from = T0;
    const to = T0 + 86_400_000;
    const r = getStatsRequests(db, from, to, 3_600_000, 'provider', {});
    expect(r.step_ms).toBe(3_600_000);
    expect(r.series).toHaveLength(3);
    expect(r.series.every((s) => s.points.length === 24)).toBe(true);
    const total = r.series.reduce((n, s) => n + s.points.reduce((m, [, v]) => m + v, 0), 0);
    expect(total).toBe(brute(from, to).requests);
  });

  it('gives a latency histogram whose buckets add up to the requests with a duration', () => {
    const [, from, to] = WINDOWS[1];
    const l = getStatsLatency(db, from, to, {});
    expect(l.buckets.reduce((n, x) => n + x.count, 0)).toBe(brute(from, to).requests);
    expect(l.buckets[l.buckets.length - 1].le_ms).toBeNull();
  });
});
