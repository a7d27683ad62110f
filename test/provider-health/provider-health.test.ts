import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/providers/health/route';
import { FakeClock } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord, RequestFacts } from '@/lib/ingest/record';
import type { ProviderHealthResponse } from '@/lib/swr/types';
import { call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();
const T0 = Date.UTC(2026, 10, 1, 12);

function record(q: RequestFacts): IngestRecord {
  return {
    ts: q.ts,
    level: 'info',
    message: `HTTP response sent ${q.status}`,
    fieldsJson: null,
    flags: 0,
    provider: q.provider,
    model: q.model,
    status: q.status,
    durationMs: q.durationMs,
    inputTokens: q.inputTokens,
    outputTokens: q.outputTokens,
    requestId: null,
    isRequest: true,
    requests: [q],
  };
}

/** One request a second for `seconds` from `from`, status and duration from `kind(i)`. */
function traffic(db: Db, provider: string, from: number, seconds: number, kind: (i: number) => [number, number]) {
  const write = createLogWriter(db);
  const records = Array.from({ length: seconds }, (_, i) => {
    const [status, durationMs] = kind(i);
    return record({
      ts: from + i * 1000,
      status,
      durationMs,
      provider,
      model: `${provider}-m`,
      inputTokens: 100,
      outputTokens: status === 200 ? 50 : null,
      rateLimited: status === 429,
    });
  });
  write({ sourceId: 1, records, rejects: [], linesRead: records.length, receivedAt: from });
}

async function health(): Promise<ProviderHealthResponse> {
  const res = await call(GET, '/api/v1/providers/health');
  expect(res.status).toBe(200);
  return res.body as ProviderHealthResponse;
}

async function stateOf(provider: string) {
  return (await health()).data.find((p) => p.provider === provider);
}

function setup(config = '') {
  const clock = new FakeClock(T0);
  const { lookout } = start({ clock, config });
  lookout.db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'http', 0)`).run();
  return { clock, db: lookout.db };
}

describe('provider health from traffic', () => {
  it('moves groq through unknown, healthy, degraded (429s, then latency), outage and back, over a fake clock', async () => {
    const { clock, db } = setup();
    // Too few requests: not judged.
    traffic(db, 'groq', T0 - 3_000, 3, () => [200, 300]);
    expect((await stateOf('groq'))?.state).toBe('unknown');

    // Five minutes of clean traffic: healthy, with tokens/s from the output tokens over the durations.
    traffic(db, 'groq', T0, 300, () => [200, 500]);
    clock.advance(300_000);
    let g = await stateOf('groq');
    expect(g?.state).toBe('healthy');
    expect(g?.reasons).toEqual([]);
    expect(g?.tokens_per_s).toBe(100);
    expect(g?.failover).toBeNull();

    // Every third request a 429 for the next five minutes: degraded on the 429 rate, not the error rate.
    traffic(db, 'groq', T0 + 300_000, 300, (i) => (i % 3 === 0 ? [429, 100] : [200, 500]));
    clock.advance(300_000);
    g = await stateOf('groq');
    expect(g?.state).toBe('degraded');
    expect(g?.rate_limited).toBe(100);
    expect(g?.error_rate).toBe(0);
    expect(g?.reasons).toEqual(['429 rate 33.3% ≥ 10%']);

    // Slow answers (20 s): degraded on p95 latency.
    traffic(db, 'groq', T0 + 600_000, 300, () => [200, 20_000]);
    clock.advance(300_000);
    g = await stateOf('groq');
    expect(g?.state).toBe('degraded');
    expect(g?.reasons[0]).toMatch(/^p95 latency \d+ ms ≥ 10000 ms$/);

    // 502s for two thirds of requests: outage.
    traffic(db, 'groq', T0 + 900_000, 300, (i) => (i % 3 === 0 ? [200, 400] : [502, 50]));
    clock.advance(300_000);
    g = await stateOf('groq');
    expect(g?.state).toBe('outage');
    expect(g?.errors).toBe(200);
    expect(g?.reasons).toEqual(['error rate 66.7% ≥ 50%']);

    // Halfway through a clean window, the error rate is still above the degraded line…
    traffic(db, 'groq', T0 + 1_200_000, 300, () => [200, 400]);
    clock.advance(150_000);
    g = await stateOf('groq');
    expect(g?.state).toBe('degraded');
    expect(g?.error_rate).toBeCloseTo(100 / 300, 2);
    // …and once the outage has left the window, healthy again.
    clock.advance(150_000);
    expect((await stateOf('groq'))?.state).toBe('healthy');
  });

  it('takes window and thresholds from provider_health: in the provisioning file, and judges each provider alone', async () => {
    const { clock, db } = setup(
      'provider_health:\n  window: 1m\n  min_requests: 10\n  degraded: { error_rate: 0.02 }\n  outage: { error_rate: 0.9 }\n',
    );
    traffic(db, 'openai', T0, 60, (i) => (i % 20 === 0 ? [500, 100] : [200, 800]));
    traffic(db, 'gemini', T0, 60, (i) => (i < 55 ? [502, 100] : [200, 800]));
    traffic(db, 'mistral', T0, 9, () => [200, 800]);
    clock.advance(60_000);
    const h = await health();
    expect(h.window_s).toBe(60);
    expect(h.thresholds).toEqual({
      min_requests: 10,
      degraded: { error_rate: 0.02, rate_limited_rate: 0.1, p95_ms: 10_000 },
      outage: { error_rate: 0.9 },
    });
    const by = Object.fromEntries(h.data.map((p) => [p.provider, p.state]));
    expect(by).toEqual({ openai: 'degraded', gemini: 'outage', mistral: 'unknown' });
    // Two minutes on, nothing is in the one-minute window.
    clock.advance(120_000);
    expect((await health()).data.every((p) => p.state === 'unknown' && p.requests === 0)).toBe(true);
  });

  it('refuses a bad provider_health block at load time', () => {
    expect(() => setup('provider_health:\n  window: 2s\n  outage: { error_rate: 3 }\n')).toThrow(
      /window must be a duration between 10s and 24h[\s\S]*error_rate/,
    );
  });
});
