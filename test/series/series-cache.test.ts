import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type Db, openReadDb, openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { evaluateInstant, type Matcher, matchesAll, parsePromQL, type RawSeries, type SeriesSource } from '@/lib/rules';
import { logSeries, readLogWindow } from '@/lib/series/log-series';
import { probeSeries, readProbeWindow } from '@/lib/series/probe-series';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27, 12);
const H = 3_600_000;
const PROVIDERS = ['groq', 'openai', 'gemini'];

function record(ts: number, i: number, provider: string): IngestRecord {
  const status = i % 7 === 0 ? 502 : i % 11 === 0 ? 429 : 200;
  const q = {
    ts,
    status,
    durationMs: 50 + ((i * 137) % 5000),
    provider,
    model: `${provider}-m${i % 2}`,
    inputTokens: i % 300,
    outputTokens: i % 90,
    rateLimited: status === 429,
  };
  return {
    ts,
    level: status === 200 ? 'info' : 'error',
    message: 'HTTP response sent',
    fieldsJson: null,
    flags: 0,
    provider,
    model: q.model,
    status,
    durationMs: q.durationMs,
    inputTokens: q.inputTokens,
    outputTokens: q.outputTokens,
    requestId: null,
    isRequest: true,
    requests: [q],
  };
}

/** Three hours of checks (three targets, some with gauges, some failing) and of requests for two log sources. */
function seed(db: Db): void {
  const add = db.prepare(
    `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since) VALUES (?, ?, ?, 15000, 1000, 0, 0, 0)`,
  );
  ['api', 'ccproxy', 'db'].forEach((name, i) => add.run(i + 1, name, `http://127.0.0.1:${3000 + i}/health`));
  const checks = new CheckWriter(db, new FakeClock(T));
  for (let ts = T - 3 * H; ts <= T; ts += 15_000) {
    for (let id = 1; id <= 3; id++) {
      const up = (ts / 15_000 + id) % 23 !== 0;
      const gauges: Record<string, number> = id === 2 ? { 'providers.healthy': up ? 3 : 0, 'providers.total': 3 } : {};
      checks.push(id, {
        ts: ts + id * 100,
        up,
        statusCode: up ? 200 : id === 3 ? null : 503,
        latencyMs: 10 + ((ts / 1000) % 40) * id,
        error: up ? null : 'down',
        gauges,
      });
    }
  }
  checks.flush();
  ['ccproxy', 'gateway'].forEach((name, i) =>
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (?, ?, 'http', 0)`).run(i + 1, name),
  );
  const write = createLogWriter(db);
  for (const sourceId of [1, 2]) {
    const records: IngestRecord[] = [];
    for (let i = 0; i < 3 * 600; i++)
      records.push(record(T - 3 * H + i * 6_000 + sourceId * 333, i, PROVIDERS[(i + sourceId) % 3]));
    write({ sourceId, records, rejects: [], linesRead: records.length, receivedAt: T });
  }
}

/** What a fresh read of exactly [start, end] returns: the behaviour before any caching. */
function uncached(db: Db, matchers: Matcher[], start: number, end: number): RawSeries[] {
  const exact = (label: string) => matchers.find((m) => m.name === label && m.op === '=')?.value;
  const [name, job] = [exact('__name__'), exact('job')];
  return [
    ...readProbeWindow(db, start, end, job).select(name, matchers, start, end),
    ...readLogWindow(db, start - 10_000, end, job).select(name, matchers, start, end),
  ];
}

const sel = (name: string, more: Matcher[] = []): Matcher[] => [{ name: '__name__', op: '=', value: name }, ...more];
const SELECTORS: Matcher[][] = [
  sel('up'),
  sel('up', [{ name: 'job', op: '=', value: 'db' }]),
  sel('probe_duration_seconds', [{ name: 'job', op: '!=', value: 'api' }]),
  sel('probe_http_status_code'),
  sel('health_providers_healthy'),
  sel('health_providers_total', [{ name: 'job', op: '=', value: 'ccproxy' }]),
  sel('http_requests_total', [{ name: 'status', op: '=~', value: '5..' }]),
  sel('http_requests_total', [
    { name: 'job', op: '=', value: 'gateway' },
    { name: 'provider', op: '=', value: 'groq' },
  ]),
  sel('http_request_duration_seconds_bucket', [{ name: 'job', op: '=', value: 'ccproxy' }]),
  sel('http_request_duration_seconds_bucket', [{ name: 'le', op: '=', value: '+Inf' }]),
  sel('http_request_duration_seconds_sum'),
  sel('http_request_duration_seconds_count', [{ name: 'provider', op: '!~', value: 'g.*' }]),
  sel('llm_tokens_total', [{ name: 'type', op: '=', value: 'output' }]),
  sel('llm_rate_limited_total'),
  sel('log_lines_total', [{ name: 'level', op: '=', value: 'error' }]),
  [{ name: 'job', op: '=', value: 'ccproxy' }],
  [{ name: '__name__', op: '=~', value: 'up|log_lines_total' }],
];
const RANGES = [60_000, 15 * 60_000, H, 2 * H];

describe('the per-round series cache', () => {
  let dir: string;
  let db: Db;
  beforeAll(() => {
    dir = tempDir();
    db = openWriteDb(path.join(dir, 'data'));
    seed(db);
  });
  afterAll(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every selector and range exactly as a fresh read of that range, in the same order', () => {
    const cached = createSqliteSeriesSource(db);
    let compared = 0;
    for (const end of [T, T - 25 * 60_000 + 3]) {
      for (const range of RANGES) {
        for (const m of SELECTORS) {
          // Compared as JSON text: exact values and order, and much faster than a deep equal of big arrays.
          const want = JSON.stringify(uncached(db, m, end - range, end));
          expect(JSON.stringify(cached.select(m, end - range, end))).toBe(want);
          compared += want.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(300_000);
  }, 60_000);

  it('reads the same series without a selector as the whole-family readers', () => {
    const cached = createSqliteSeriesSource(db);
    const job: Matcher[] = [{ name: 'job', op: '=', value: 'ccproxy' }];
    const want = [...probeSeries(db, T - H, T, 'ccproxy'), ...logSeries(db, T - H, T, 'ccproxy')].filter((s) =>
      matchesAll(job, s.labels),
    );
    expect(JSON.stringify(cached.select(job, T - H, T))).toBe(JSON.stringify(want));
  });

  it('serves counters whose values are the rollup sums of their window', () => {
    const src = createSqliteSeriesSource(db);
    src.select(sel('up'), T - 2 * H, T); // fills the cache with a wider window first
    const start = T - 30 * 60_000 + 4_321;
    const series = src.select(
      sel('http_requests_total', [
        { name: 'job', op: '=', value: 'gateway' },
        { name: 'status', op: '=', value: '502' },
      ]),
      start,
      T,
    );
    expect(series.length).toBeGreaterThan(0);
    const sum = db
      .prepare(
        `SELECT coalesce(sum(requests), 0) FROM log_rollups WHERE res = 10000 AND source_id = 2 AND provider = ? AND model = ? AND status = 502 AND ts >= ? AND ts <= ?`,
      )
      .pluck();
    for (const s of series) {
      for (const [t, v] of s.samples.filter((_, i) => i % 17 === 0))
        expect(v).toBe(sum.get(s.labels.provider, s.labels.model, start - 10_000, t - 10_000));
    }
  });

  it('evaluates rule expressions to the same results as without a cache', () => {
    const fresh: SeriesSource = { select: (m, s, e) => uncached(db, m, s, e) };
    const cached = createSqliteSeriesSource(db);
    const exprs = [
      'up{job="ccproxy"} == 0',
      'rate(http_requests_total{status=~"5.."}[5m]) > 0.01',
      'histogram_quantile(0.95, sum by (le, provider) (rate(http_request_duration_seconds_bucket[10m])))',
      'sum by (provider) (increase(llm_tokens_total{job="gateway",type="input"}[1h]))',
      'avg_over_time(up[30m]) < 1',
      'min_over_time(health_providers_healthy[15m])',
      'rate(log_lines_total{level="error"}[1m])',
      'sum(rate(http_request_duration_seconds_sum[5m])) / sum(rate(http_request_duration_seconds_count[5m]))',
      'increase(http_requests_total{job="ccproxy"}[1h] offset 30m)',
    ];
    for (const at of [T, T - 10 * 60_000 - 500]) {
      for (const e of exprs)
        expect(evaluateInstant(parsePromQL(e), cached, at)).toEqual(evaluateInstant(parsePromQL(e), fresh, at));
    }
  });

  it('sees rows written after it read, on its own connection and on another', () => {
    const src = createSqliteSeriesSource(db);
    const upDb = sel('up', [{ name: 'job', op: '=', value: 'db' }]);
    const before = src.select(upDb, T - H, T + 60_000)[0].samples.length;
    db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (3, ?, 0, 5)').run(T + 30_000);
    expect(src.select(upDb, T - H, T + 60_000)[0].samples.at(-1)).toEqual([T + 30_000, 0]);

    const readDb = openReadDb(path.join(dir, 'data'));
    const reader = createSqliteSeriesSource(readDb);
    expect(reader.select(upDb, T - H, T + 60_000)[0].samples).toHaveLength(before + 1);
    db.prepare('INSERT INTO checks (target_id, ts, up, latency_ms) VALUES (3, ?, 1, 5)').run(T + 45_000);
    expect(reader.select(upDb, T - H, T + 60_000)[0].samples.at(-1)).toEqual([T + 45_000, 1]);
    readDb.close();
  });
});
