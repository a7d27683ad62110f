import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { CheckWriter } from '@/lib/engine/check-writer';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27, 12);

function request(ts: number, status: number, provider: string, ms: number): IngestRecord {
  const q = {
    ts,
    status,
    durationMs: ms,
    provider,
    model: 'm',
    inputTokens: 10,
    outputTokens: 2,
    rateLimited: status === 429,
  };
  return {
    ts,
    level: 'info',
    message: 'HTTP response sent',
    fieldsJson: null,
    flags: 0,
    provider,
    model: 'm',
    status,
    durationMs: ms,
    inputTokens: 10,
    outputTokens: 2,
    requestId: null,
    isRequest: true,
    requests: [q],
  };
}

describe('derived series from SQLite', () => {
  it('serves up, health gauges and cumulative request counters with the contract labels', () => {
    const dir = tempDir();
    const db = openWriteDb(path.join(dir, 'data'));
    db.prepare(
      `INSERT INTO targets (id, name, url, interval_ms, timeout_ms, created_at, updated_at, status_since) VALUES (1, 'ccproxy', 'http://127.0.0.1:3456/health', 5000, 1000, 0, 0, 0)`,
    ).run();
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0)`).run();
    const checks = new CheckWriter(db, new FakeClock(T));
    for (let i = 0; i < 12; i++) {
      checks.push(1, {
        ts: T + i * 5_000,
        up: i < 6,
        statusCode: 200,
        latencyMs: 20,
        error: null,
        gauges: { 'providers.healthy': i < 6 ? 2 : 0 },
      });
    }
    checks.flush();
    const records: IngestRecord[] = [];
    for (let i = 0; i < 60; i++)
      records.push(request(T + i * 1_000, i % 6 === 0 ? 502 : 200, i % 2 ? 'groq' : 'openai', 100 + i * 50));
    createLogWriter(db)({ sourceId: 1, records, rejects: [], linesRead: 60, receivedAt: T });

    const src = createSqliteSeriesSource(db);
    const up = src.select(
      [
        { name: '__name__', op: '=', value: 'up' },
        { name: 'job', op: '=', value: 'ccproxy' },
      ],
      T,
      T + 60_000,
    );
    expect(up).toHaveLength(1);
    expect(up[0].labels).toEqual({ __name__: 'up', job: 'ccproxy', instance: '127.0.0.1:3456' });
    expect(up[0].samples.map(([, v]) => v)).toEqual([1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    const healthy = src.select([{ name: '__name__', op: '=', value: 'health_providers_healthy' }], T, T + 60_000);
    expect(healthy[0].samples.at(-1)).toEqual([T + 55_000, 0]);

    const errors = src.select(
      [
        { name: '__name__', op: '=', value: 'http_requests_total' },
        { name: 'status', op: '=~', value: '5..' },
      ],
      T,
      T + 60_000,
    );
    expect(errors.map((s) => s.labels.provider).sort()).toEqual(['openai']);
    const last = errors[0].samples.at(-1)!;
    expect(last).toEqual([T + 60_000, 10]);
    expect(errors[0].samples[0]).toEqual([T, 0]);
    const inf = src.select(
      [
        { name: '__name__', op: '=', value: 'http_request_duration_seconds_bucket' },
        { name: 'le', op: '=', value: '+Inf' },
      ],
      T,
      T + 60_000,
    );
    expect(inf.reduce((n, s) => n + s.samples.at(-1)![1], 0)).toBe(60);
    const le1 = src.select(
      [
        { name: '__name__', op: '=', value: 'http_request_duration_seconds_bucket' },
        { name: 'le', op: '=', value: '1' },
      ],
      T,
      T + 60_000,
    );
    const under1s = records.filter((r) => r.durationMs! <= 1000).length;
    expect(Math.abs(le1.reduce((n, s) => n + s.samples.at(-1)![1], 0) - under1s)).toBeLessThanOrEqual(1);
    expect(src.select([{ name: '__name__', op: '=', value: 'no_such_metric' }], T, T + 60_000)).toEqual([]);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
