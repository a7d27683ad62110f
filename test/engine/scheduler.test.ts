import { describe, expect, it } from 'vitest';
import { type Clock, FakeClock } from '@/lib/clock';
import { ProbeScheduler } from '@/lib/engine/scheduler';
import type { HttpSpec, ProbeResult, ProbeSpec, ScheduledTarget } from '@/lib/probes/types';
import { StepClock } from './step-clock';

const T0 = Date.UTC(2026, 0, 1);
const urlOf = (spec: ProbeSpec) => ('url' in spec ? spec.url : '');
const flush = () => new Promise<void>((r) => setImmediate(r));

const target = (id: number, intervalMs = 5000, over: Partial<HttpSpec> = {}): ScheduledTarget => ({
  id,
  intervalMs,
  spec: {
    url: `http://t${id}.test/health`,
    method: 'GET',
    headers: {},
    body: null,
    timeoutMs: 2000,
    conditions: [],
    ...over,
  },
});

/** The scheduler's runner, faked: each call takes `durationOf(url)` ms on the fake clock (Infinity = hangs). */
function harness(
  opts: { concurrency?: number; jitter?: (ms: number) => number; durationOf?: (url: string) => number } = {},
) {
  const clock = new StepClock(T0);
  const calls: { url: string; at: number }[] = [];
  const results: { id: number; result: ProbeResult }[] = [];
  let active = 0;
  let maxActive = 0;
  const run = (spec: ProbeSpec, c: Clock): Promise<ProbeResult> => {
    calls.push({ url: urlOf(spec), at: c.now() });
    maxActive = Math.max(maxActive, ++active);
    const ts = c.now();
    const done = (): ProbeResult => {
      active--;
      return { ts, up: true, statusCode: 200, latencyMs: 1, error: null, gauges: { from: ts } };
    };
    const ms = opts.durationOf?.(urlOf(spec)) ?? 0;
    if (ms === Infinity) return new Promise<ProbeResult>(() => {});
    if (ms === 0) return Promise.resolve(done());
    return new Promise((resolve) => c.setTimeout(() => resolve(done()), ms));
  };
  const scheduler = new ProbeScheduler({
    clock,
    run,
    concurrency: opts.concurrency,
    jitter: opts.jitter ?? (() => 0),
    onResult: (id, result) => results.push({ id, result }),
  });
  const advance = (ms: number) => clock.run(ms);
  const callsOf = (id: number) => calls.filter((c) => c.url === `http://t${id}.test/health`).map((c) => c.at - T0);
  return { clock, scheduler, calls, results, advance, callsOf, maxActive: () => maxActive };
}

describe('ProbeScheduler timing', () => {
  it('keeps every check on its grid over 100 intervals, even when checks take time and queue', async () => {
    const h = harness({ concurrency: 1, jitter: () => 1234, durationOf: () => 700 });
    h.scheduler.upsert(target(1));
    h.scheduler.upsert(target(2));
    h.scheduler.start();
    await h.advance(100 * 5000 + 3000);
    const grid = Array.from({ length: 101 }, (_, k) => 1234 + k * 5000);
    expect(h.callsOf(1)).toEqual(grid);
    // Target 2 waits 700 ms behind target 1 every time, and that lateness never grows.
    expect(h.callsOf(2)).toEqual(grid.map((t) => t + 700));
    expect(h.scheduler.stats()).toMatchObject({ completed: 202, skipped: 0, missed: 0, maxLatenessMs: 700 });
  });

  it('spreads first runs over the first interval with the default jitter', async () => {
    const clock = new FakeClock(T0);
    const firsts = new Map<string, number>();
    const scheduler = new ProbeScheduler({
      clock,
      concurrency: 10_000,
      run: async (spec, c) => {
        if (!firsts.has(urlOf(spec))) firsts.set(urlOf(spec), c.now() - T0);
        return { ts: c.now(), up: true, statusCode: 200, latencyMs: 1, error: null, gauges: {} };
      },
      onResult: () => {},
    });
    for (let i = 1; i <= 1000; i++) scheduler.upsert(target(i));
    scheduler.start();
    clock.advance(5000);
    await flush();
    expect(firsts.size).toBe(1000);
    const bins = new Array<number>(10).fill(0);
    for (const at of firsts.values()) {
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(5000);
      bins[Math.floor(at / 500)]++;
    }
    for (const n of bins) expect(n).toBeGreaterThan(50);
    for (const n of bins) expect(n).toBeLessThan(150);
    await scheduler.stop();
  });

  it('uses the injected jitter for the first run, clamped into the first interval', async () => {
    const h = harness({ jitter: (ms) => ms * 2 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(3000);
    expect(h.callsOf(1)).toEqual([999, 1999, 2999]);
  });

  it('honours the concurrency cap with a FIFO queue', async () => {
    const h = harness({ concurrency: 3, durationOf: () => 1000 });
    for (let i = 1; i <= 10; i++) h.scheduler.upsert(target(i));
    h.scheduler.start();
    await h.advance(0);
    expect(h.scheduler.stats()).toMatchObject({ scheduled: 10, inFlight: 3, queued: 7 });
    await h.advance(4000);
    expect(h.maxActive()).toBe(3);
    expect(h.calls.map((c) => c.url)).toEqual(Array.from({ length: 10 }, (_, i) => `http://t${i + 1}.test/health`));
    expect(h.calls.map((c) => c.at - T0)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000]);
    expect(h.scheduler.stats()).toMatchObject({ inFlight: 0, queued: 0, completed: 10, maxLatenessMs: 3000 });
  });

  it('does not let a hanging target delay the others', async () => {
    const hang = 'http://t1.test/health';
    const h = harness({ concurrency: 2, durationOf: (url) => (url === hang ? Infinity : 0) });
    h.scheduler.upsert(target(1));
    for (let i = 2; i <= 5; i++) h.scheduler.upsert({ ...target(i), intervalMs: 1000 });
    h.scheduler.start();
    await h.advance(20_000);
    for (let i = 2; i <= 5; i++) expect(h.callsOf(i)).toEqual(Array.from({ length: 21 }, (_, k) => k * 1000));
    // The hung check is given up after timeout + 1 s, freeing its slot; the next slot tries again.
    expect(h.callsOf(1)).toEqual([0, 5000, 10000, 15000, 20000]);
    const hung = h.results.filter((r) => r.id === 1).map((r) => r.result);
    expect(hung).toHaveLength(4);
    expect(hung[0]).toMatchObject({ ts: T0, up: false, statusCode: null, error: 'timeout after 2s' });
    expect(h.scheduler.stats().maxLatenessMs).toBe(0);
  });

  it('frees the only slot of a hung check after timeout + 1 s', async () => {
    const h = harness({ concurrency: 1, durationOf: (url) => (url === 'http://t1.test/health' ? Infinity : 0) });
    h.scheduler.upsert(target(1, 10_000));
    h.scheduler.upsert(target(2, 10_000));
    h.scheduler.start();
    await h.advance(5000);
    expect(h.callsOf(2)).toEqual([3000]);
  });

  it('skips a slot while the previous check of the target is still running', async () => {
    const h = harness({ durationOf: () => 2500 });
    h.scheduler.upsert(target(1, 1000, { timeoutMs: 10_000 }));
    h.scheduler.start();
    await h.advance(9500);
    expect(h.callsOf(1)).toEqual([0, 3000, 6000, 9000]);
    expect(h.scheduler.stats()).toMatchObject({ skipped: 6, completed: 3, inFlight: 1 });
  });
});

describe('ProbeScheduler upsert and remove', () => {
  it('does nothing before start()', async () => {
    const h = harness();
    h.scheduler.upsert(target(1, 1000));
    await h.advance(5000);
    expect(h.calls).toEqual([]);
    h.scheduler.start();
    await h.advance(1000);
    expect(h.callsOf(1)).toEqual([5000, 6000]);
  });

  it('keeps the phase when an identical target is upserted again', async () => {
    const h = harness({ jitter: () => 300 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(1500);
    h.scheduler.upsert(target(1, 1000));
    await h.advance(2000);
    expect(h.callsOf(1)).toEqual([300, 1300, 2300, 3300]);
  });

  it('keeps the phase on a spec change with the same interval and runs the new spec', async () => {
    const h = harness({ jitter: () => 300 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(1500);
    h.scheduler.upsert(target(1, 1000, { url: 'http://new.test/health' }));
    await h.advance(2000);
    expect(h.calls.map((c) => [c.url.replace('http://', ''), c.at - T0])).toEqual([
      ['t1.test/health', 300],
      ['t1.test/health', 1300],
      ['new.test/health', 2300],
      ['new.test/health', 3300],
    ]);
  });

  it('reschedules on an interval change, with a new jittered phase', async () => {
    let jitter = 300;
    const h = harness({ jitter: () => jitter });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(1500);
    jitter = 50;
    h.scheduler.upsert(target(1, 5000));
    await h.advance(11_000);
    expect(h.callsOf(1)).toEqual([300, 1300, 1550, 6550, 11550]);
  });

  it('drops the result of a check whose spec changed while it ran', async () => {
    const h = harness({ durationOf: () => 500 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(100);
    h.scheduler.upsert(target(1, 1000, { headers: { authorization: 'new' } }));
    await h.advance(1900);
    expect(h.results.map((r) => r.result.ts - T0)).toEqual([1000]);
  });

  it('removes a target: no more checks, its in-flight result dropped, its timer gone', async () => {
    const h = harness({ durationOf: () => 500 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.upsert(target(2, 1000));
    h.scheduler.start();
    await h.advance(1200);
    h.scheduler.remove(1);
    h.scheduler.remove(99);
    await h.advance(3000);
    expect(h.callsOf(1)).toEqual([0, 1000]);
    expect(h.results.filter((r) => r.id === 1).map((r) => r.result.ts - T0)).toEqual([0]);
    expect(h.callsOf(2)).toEqual([0, 1000, 2000, 3000, 4000]);
    expect(h.scheduler.stats().scheduled).toBe(1);
  });

  it('drops a queued check of a removed target', async () => {
    const h = harness({ concurrency: 1, durationOf: () => 500 });
    h.scheduler.upsert(target(1, 10_000));
    h.scheduler.upsert(target(2, 10_000));
    h.scheduler.start();
    await h.advance(0);
    expect(h.scheduler.stats().queued).toBe(1);
    h.scheduler.remove(2);
    expect(h.scheduler.stats().queued).toBe(0);
    await h.advance(2000);
    expect(h.calls.map((c) => c.url)).toEqual(['http://t1.test/health']);
  });

  it('stop() ends scheduling and waits for the running check, whose result is kept', async () => {
    const h = harness({ concurrency: 1, durationOf: () => 800 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.upsert(target(2, 1000));
    h.scheduler.start();
    await h.advance(100);
    let stopped = false;
    const stopping = h.scheduler.stop().then(() => (stopped = true));
    await flush();
    expect(stopped).toBe(false);
    await h.advance(1000);
    await stopping;
    expect(h.results.map((r) => r.id)).toEqual([1]);
    expect(h.calls).toHaveLength(1);
    expect(h.clock.pendingTimers()).toBe(0);
  });

  it('can start again after stop() and keeps each target on its grid', async () => {
    const h = harness({ jitter: () => 200 });
    h.scheduler.upsert(target(1, 1000));
    h.scheduler.start();
    await h.advance(1500);
    await h.scheduler.stop();
    await h.advance(2000);
    h.scheduler.start();
    await h.advance(1000);
    expect(h.callsOf(1)).toEqual([200, 1200, 4200]);
  });

  it('keeps scheduling when onResult throws', async () => {
    const clock = new StepClock(T0);
    let n = 0;
    const scheduler = new ProbeScheduler({
      clock,
      jitter: () => 0,
      run: async (_s, c) => ({ ts: c.now(), up: true, statusCode: 200, latencyMs: 1, error: null, gauges: {} }),
      onResult: () => {
        n++;
        throw new Error('disk full');
      },
    });
    const quiet = console.error;
    console.error = () => {};
    scheduler.upsert(target(1, 1000));
    scheduler.start();
    await clock.run(3000);
    console.error = quiet;
    expect(n).toBe(4);
  });
});
