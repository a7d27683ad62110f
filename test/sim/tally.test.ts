import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { startSimulator } from '@/lib/sim/simulator';
import { createFileTally, percentile, recordRequest, snapshotTally, type TallySnapshot } from '@/lib/sim/tally';
import { tempDir } from '../helpers/temp-dir';
import { type Recount, recountV0, recountV1 } from './recount';

describe('tally accounting', () => {
  it('counts errors, client errors and 429s as docs/api.md#counting defines them', () => {
    const f = createFileTally('ccproxy', 'v1', '/x', 0);
    for (const status of [200, 201, 400, 429, 500, 502, 503]) {
      recordRequest(f, { provider: 'groq', status, input_tokens: 10, output_tokens: 0, latency_ms: status, end_ms: 0 });
    }
    expect(f.totals).toMatchObject({
      requests: 7,
      errors: 3,
      client_errors: 2,
      rate_limited: 1,
      input_tokens: 70,
      output_tokens: 0,
    });
    expect(f.providers.groq.requests).toBe(7);
    const snap = snapshotTally({ started_at: '', files: { v1: f, v0: createFileTally('ccproxy-v0', 'v0', '/y', 0) } });
    expect(snap.totals.error_rate).toBeCloseTo(3 / 7);
    expect(snap.totals.latency_ms.p50).toBe(429);
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(
      percentile(
        Array.from({ length: 100 }, (_, i) => i + 1),
        0.95,
      ),
    ).toBe(95);
  });
});

function expectMatches(recount: Recount, file: TallySnapshot['files']['v1']): void {
  expect(recount.lines).toBe(file.lines);
  const counts = Object.fromEntries(Object.entries(file.providers).map(([k, { latencies_ms: _l, ...c }]) => [k, c]));
  expect(recount.byProvider).toEqual(counts);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const want = sorted(file.totals.latencies_ms);
  const got = sorted(recount.latencies);
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 6));
}

describe('tally against the written files', () => {
  it('equals an independent recount of both logs over two incident cycles', async () => {
    const clock = new FakeClock();
    const dir = tempDir('sim-');
    const sim = await startSimulator({ logDir: dir, port: 0, clock, timeScale: 0.05, ratePerSecond: 20, seed: 7 });
    clock.advance(2 * 30_000 + 40_000);
    const served = (await (await fetch(`${sim.url}/__sim/tally`)).json()) as TallySnapshot;
    await sim.stop();
    const tally = sim.tally();

    expectMatches(recountV1(sim.logFiles.v1), tally.files.v1);
    expectMatches(recountV0(sim.logFiles.v0), tally.files.v0);
    expect(tally.lines).toBe(tally.files.v1.lines + tally.files.v0.lines);
    expect(tally.totals.requests).toBe(tally.files.v1.totals.requests + tally.files.v0.totals.requests);
    expect(tally.files.v1.totals.output_tokens).toBe(0);
    expect(tally.totals).toMatchObject({ errors: expect.any(Number), rate_limited: expect.any(Number) });
    expect(tally.totals.errors).toBeGreaterThan(100);
    expect(tally.totals.rate_limited).toBeGreaterThan(50);
    expect(Object.keys(tally.providers).sort()).toEqual(['gemini', 'groq', 'mistral', 'ollama', 'openai', 'xai']);

    expect(JSON.parse(fs.readFileSync(sim.tallyFile, 'utf8'))).toEqual(tally);
    expect(served.files.v1.totals.requests).toBeGreaterThan(0);
    expect(served.files.v1.totals.requests).toBeLessThanOrEqual(tally.files.v1.totals.requests);
  });

  it('is deterministic for a seed and only counts what this run appended', async () => {
    const dir = tempDir('sim-');
    fs.writeFileSync(
      `${dir}/ccproxy.log`,
      '{"level":"info","msg":"from an earlier run","time":"2025-01-01T00:00:00.000Z"}\n',
    );
    const run = async () => {
      const clock = new FakeClock();
      const sim = await startSimulator({ logDir: dir, port: 0, clock, timeScale: 0.05, seed: 3 });
      clock.advance(20_000);
      await sim.stop();
      return sim.tally();
    };
    const a = await run();
    const b = await run();
    expect(a.files.v1.start_offset).toBeGreaterThan(0);
    expect(b.files.v1.start_offset).toBeGreaterThan(a.files.v1.start_offset);
    expect(b.totals).toEqual(a.totals);
  });

  it('logs and counts hits on /health and /status when logProbes is on', async () => {
    const clock = new FakeClock();
    const sim = await startSimulator({
      logDir: tempDir('sim-'),
      port: 0,
      clock,
      timeScale: 0.05,
      seed: 5,
      logProbes: true,
    });
    for (let i = 0; i < 5; i++) {
      clock.advance(1_000);
      await fetch(`${sim.url}/health`);
      await fetch(`${sim.url}/status`);
      await fetch(`${sim.url}/__sim/tally`);
    }
    await sim.stop();
    const tally = sim.tally();
    expect(tally.files.v1.providers['(none)']).toMatchObject({ requests: 10, input_tokens: 0 });
    expectMatches(recountV1(sim.logFiles.v1), tally.files.v1);
    const health = fs
      .readFileSync(sim.logFiles.v1, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"path":"/health"'));
    expect(health).toHaveLength(5);
    expect(JSON.parse(health[0])).toMatchObject({ client_ip: '127.0.0.1', method: 'GET', type: 'request' });
  });
});
