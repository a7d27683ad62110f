import { afterEach, describe, expect, it } from 'vitest';
import { GET as getTargets, POST as postTarget } from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { createLlmProber } from '@/lib/probes/llm-probe';
import type { LlmSpec } from '@/lib/probes/types';
import { type Simulator, startSimulator } from '@/lib/sim/simulator';
import { type TargetRow, toScheduled } from '@/lib/targets/target-row';
import { call, lookoutPerTest } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';
import { httpServer, type Running } from './servers';

const start = lookoutPerTest();
let sim: Simulator | null = null;
let server: Running | null = null;
afterEach(async () => {
  await sim?.stop();
  await server?.close();
  sim = null;
  server = null;
});

const T0 = Date.UTC(2026, 11, 5, 10);

async function withSim(opts: { apiKey?: string } = {}) {
  const clock = new FakeClock(T0);
  sim = await startSimulator({
    logDir: tempDir('sim-'),
    port: 0,
    clock,
    ratePerSecond: 0.1,
    llmDelayScale: 0.2,
    ...opts,
  });
  return { clock, sim };
}

/** Creates the target through the API (as a user would), and returns its spec and the engine's prober. */
async function llmTarget(clock: FakeClock, body: Record<string, unknown>) {
  const { lookout } = start({ clock });
  const res = await call(postTarget, '/api/v1/targets', { method: 'POST', body: { type: 'llm', ...body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = (res.body as { data: { id: number } }).data.id;
  const row = lookout.db.prepare('SELECT * FROM targets WHERE id = ?').get(id) as TargetRow;
  const spec = toScheduled(row).spec as LlmSpec;
  return { lookout, spec, prober: createLlmProber(lookout.db), id };
}

const completions = async (s: Simulator) =>
  (await (await fetch(`${s.url}/__sim/completions`)).json()) as Record<string, Record<string, number>>;

describe('llm checks against the simulator (real SSE over HTTP)', () => {
  it('times the first token of an Anthropic stream and reads the rate-limit headers; the key stays secret', async () => {
    const { clock, sim } = await withSim();
    const { spec, prober, lookout } = await llmTarget(clock, {
      name: 'llm-groq',
      url: `${sim.url}/v1/messages`,
      model: 'moonshotai/kimi-k2-instruct',
      provider: 'groq',
      api_key: 'sk-secret-value-123',
      max_requests_per_day: 50,
    });
    expect(spec.api).toBe('anthropic');
    const r = await prober(spec, clock);
    expect(r.error).toBeNull();
    expect(r.up).toBe(true);
    expect(r.statusCode).toBe(200);
    const ttft = r.metrics!.probe_llm_ttft_seconds;
    // groq's 350 ms median × 0.3 × 0.2 (delay scale) = 21 ms before the first token.
    expect(ttft).toBeGreaterThanOrEqual(0.02);
    expect(ttft * 1000).toBeLessThanOrEqual(r.latencyMs);
    expect(r.metrics).toMatchObject({
      probe_llm_rate_limited: 0,
      probe_llm_requests_today: 1,
      probe_llm_ratelimit_remaining_requests: 999,
      probe_llm_ratelimit_remaining_tokens: 99_900,
    });
    const listed = (await call(getTargets, '/api/v1/targets')).body as { data: Record<string, unknown>[] };
    expect(listed.data[0]).toMatchObject({
      type: 'llm',
      model: 'moonshotai/kimi-k2-instruct',
      provider: 'groq',
      has_api_key: true,
      max_requests_per_day: 50,
      requests_today: 1,
    });
    expect(JSON.stringify(listed)).not.toContain('sk-secret');
    expect(lookout).toBeTruthy();
  });

  it('speaks OpenAI chat-completions chunks on /v1/chat/completions', async () => {
    const { clock, sim } = await withSim();
    const { spec, prober } = await llmTarget(clock, {
      name: 'llm-openai',
      url: `${sim.url}/v1/chat/completions`,
      model: 'gpt-4o',
    });
    expect(spec.api).toBe('openai');
    const r = await prober(spec, clock);
    expect(r.up).toBe(true);
    expect(r.metrics!.probe_llm_ttft_seconds).toBeGreaterThan(0.04);
  });

  it('is down with the provider’s reason in an outage, and slow to the first token in the latency spike', async () => {
    const { clock, sim } = await withSim();
    const { spec, prober } = await llmTarget(clock, {
      name: 'llm-groq',
      url: `${sim.url}/v1/messages`,
      model: 'llama-3.3-70b-versatile',
    });
    clock.advance(130_000); // providers_down
    const down = await prober(spec, clock);
    expect(down.up).toBe(false);
    expect(down.error).toBe('HTTP 502: provider request failed: groq: connection refused');
    clock.advance(150_000); // unavailable
    expect((await prober(spec, clock)).error).toBe('HTTP 503: pipeline unavailable: upstream returned 503');
    clock.advance(200_000); // latency_spike: ×10
    const slow = await prober(spec, clock);
    expect(slow.up).toBe(true);
    expect(slow.metrics!.probe_llm_ttft_seconds).toBeGreaterThanOrEqual(0.2);
  });

  it('backs off for retry-after on a 429, without sending in between', async () => {
    const { clock, sim } = await withSim();
    const { spec, prober } = await llmTarget(clock, {
      name: 'llm-groq',
      url: `${sim.url}/v1/messages`,
      model: 'llama-3.3-70b-versatile',
    });
    clock.advance(362_000); // rate_limited, 2 s into a 15 s burst
    const limited = await prober(spec, clock);
    expect(limited.up).toBe(false);
    expect(limited.statusCode).toBe(429);
    expect(limited.error).toBe('rate limited (429), retry after 13s: groq rate limit reached, retry after 13s');
    expect(limited.metrics).toMatchObject({ probe_llm_rate_limited: 1, probe_llm_retry_after_seconds: 13 });
    clock.advance(5_000);
    expect((await prober(spec, clock)).skip).toBe(true);
    clock.advance(9_000); // past the burst
    expect((await prober(spec, clock)).up).toBe(true);
    expect((await completions(sim)).groq).toEqual({ '200': 1, '429': 1 });
  });

  it('a refused key is down with a clear reason and backs off 1m, 2m, 4m: no retry storm', async () => {
    const { clock, sim } = await withSim({ apiKey: 'the-right-key' });
    const { spec, prober } = await llmTarget(clock, {
      name: 'llm-groq',
      url: `${sim.url}/v1/messages`,
      model: 'llama-3.3-70b-versatile',
      api_key: 'a-wrong-key-456',
    });
    const first = await prober(spec, clock);
    expect(first.up).toBe(false);
    expect(first.error).toBe('API key refused (401): invalid x-api-key; next try in 1m');
    let sent = 1;
    // Checks every 5 s for ten minutes: only the backoff's tries reach the server.
    for (let t = 0; t < 120; t++) {
      clock.advance(5_000);
      const r = await prober(spec, clock);
      if (!r.skip) sent++;
    }
    expect(sent).toBe(4); // at 0, 1m, 3m, 7m
    expect((await completions(sim)).groq).toEqual({ '401': 4 });
  });
});

describe('llm checks against a test server', () => {
  it('sends the key as a Bearer token to OpenAI endpoints and never shows it in a reason', async () => {
    const seen: Record<string, unknown>[] = [];
    server = await httpServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(text) as unknown });
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'Incorrect API key provided: sk-leaky-key-789.' } }));
      });
    });
    const clock = new FakeClock(T0);
    const { spec, prober } = await llmTarget(clock, {
      name: 'direct',
      url: `${server.url}/openai/v1/chat/completions`,
      model: 'gpt-4o-mini',
      api_key: 'sk-leaky-key-789',
    });
    const r = await prober(spec, clock);
    expect(r.error).toBe('API key refused (401): Incorrect API key provided: [redacted].; next try in 1m');
    expect(seen).toEqual([
      {
        auth: 'Bearer sk-leaky-key-789',
        body: { model: 'gpt-4o-mini', max_tokens: 1, stream: true, messages: [{ role: 'user', content: 'ping' }] },
      },
    ]);
  });

  it('a stream without a content event is down; the daily cap holds across a restart and resets at UTC midnight', async () => {
    let hits = 0;
    server = await httpServer((req, res) => {
      req.resume();
      hits++;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'retry-after': 'Sat, 05 Dec 2026 10:00:30 GMT' });
      res.end(
        'event: message_start\ndata: {"type":"message_start"}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n',
      );
    });
    const clock = new FakeClock(T0);
    const { spec, prober, lookout } = await llmTarget(clock, {
      name: 'capped',
      url: `${server.url}/v1/messages`,
      model: 'claude-3-5-haiku-20241022',
      max_requests_per_day: 2,
    });
    const r = await prober(spec, clock);
    expect(r.up).toBe(false);
    expect(r.error).toBe('the stream ended without a content event (no token came)');
    expect(r.metrics!.probe_llm_retry_after_seconds).toBe(30);
    await prober(spec, clock);
    expect((await prober(spec, clock)).skip).toBe(true);
    // A new prober (a restart) reads the count from the database.
    expect((await createLlmProber(lookout.db)(spec, clock)).skip).toBe(true);
    expect(hits).toBe(2);
    clock.advance(14 * 3_600_000); // the next UTC day
    expect((await prober(spec, clock)).skip).toBeUndefined();
    expect(hits).toBe(3);
  });

  it('refuses an llm target without a model or with a non-http url, naming the field', async () => {
    start();
    const res = await call(postTarget, '/api/v1/targets', {
      method: 'POST',
      body: { type: 'llm', name: 'bad', url: 'tcp://x:1', send: 'x' },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('send applies to tcp targets, not llm');
    const res2 = await call(postTarget, '/api/v1/targets', {
      method: 'POST',
      body: { type: 'llm', name: 'bad', url: 'tcp://x:1' },
    });
    const issues = (res2.body as { error: { issues: { path: string; message: string }[] } }).error.issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['model', 'url']);
  });
});
