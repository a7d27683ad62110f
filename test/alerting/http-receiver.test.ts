import { afterEach, describe, expect, it } from 'vitest';
import { postJsonWithRetry } from '@/lib/alerting';
import { systemClock } from '@/lib/clock';
import { startReceiver } from './receiver';

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const fast = { baseDelayMs: 20, maxDelayMs: 100, random: () => 1, sleep: realSleep };
let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

describe('HTTP delivery with retries (real server on 127.0.0.1)', () => {
  it('fails first with 500, then succeeds', async () => {
    const rx = await startReceiver([{ status: 500 }, { status: 503 }, { status: 200 }]);
    closers.push(rx.close);
    const r = await postJsonWithRetry(rx.url, { hello: 1 }, systemClock, fast);
    expect(r).toEqual({ ok: true, attempts: 3, status: 200, error: null });
    expect(rx.bodies.map((b) => b.body)).toEqual([{ hello: 1 }, { hello: 1 }, { hello: 1 }]);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    const rx = await startReceiver([{ status: 500 }, { status: 500 }, { status: 200 }]);
    closers.push(rx.close);
    await postJsonWithRetry(rx.url, {}, systemClock, { ...fast, baseDelayMs: 100, maxDelayMs: 1000 });
    const gaps = rx.bodies.slice(1).map((b, i) => b.at - rx.bodies[i].at);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(190);
  });

  it('honours Retry-After on 429', async () => {
    const rx = await startReceiver([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }]);
    closers.push(rx.close);
    const r = await postJsonWithRetry(rx.url, {}, systemClock, fast);
    expect(r.ok).toBe(true);
    expect(rx.bodies[1].at - rx.bodies[0].at).toBeGreaterThanOrEqual(950);
  });

  it('does not retry other 4xx', async () => {
    const rx = await startReceiver([{ status: 400 }, { status: 200 }]);
    closers.push(rx.close);
    const r = await postJsonWithRetry(rx.url, {}, systemClock, fast);
    expect(r).toEqual({ ok: false, attempts: 1, status: 400, error: 'HTTP 400' });
  });

  it('retries network errors and never reveals the URL', async () => {
    const rx = await startReceiver([{ status: 200 }]);
    await rx.close();
    const r = await postJsonWithRetry(rx.url, {}, systemClock, { ...fast, maxAttempts: 3 });
    expect(r).toMatchObject({ ok: false, attempts: 3, error: 'connection refused' });
    expect(JSON.stringify(r)).not.toContain('SECRET');
    expect(JSON.stringify(r)).not.toContain('127.0.0.1');
  });

  it('times out a receiver that never answers', async () => {
    const rx = await startReceiver([{ status: 200, hang: true }]);
    closers.push(rx.close);
    const r = await postJsonWithRetry(rx.url, {}, systemClock, { ...fast, maxAttempts: 1, timeoutMs: 200 });
    expect(r).toMatchObject({ ok: false, error: 'timeout after 0.2s' });
  });
});
