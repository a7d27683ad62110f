import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { type PhaseName, phaseAt } from '@/lib/sim/scenario';
import { type Simulator, startSimulator } from '@/lib/sim/simulator';
import { tempDir } from '../helpers/temp-dir';

const SCALE = 0.01;
const clock = new FakeClock(Date.UTC(2026, 0, 1));
let sim: Simulator;
let keyed: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ logDir: tempDir('sim-'), host: '127.0.0.1', port: 0, clock, timeScale: SCALE });
  keyed = await startSimulator({ logDir: tempDir('sim-'), port: 0, clock, timeScale: SCALE, apiKey: 'sekret' });
});
afterAll(async () => {
  await sim.stop();
  await keyed.stop();
});

/** Moves the shared clock to the middle of the named phase of the next cycle. */
function enter(name: PhaseName): void {
  for (let i = 0; i < 10_000; i++) {
    const p = sim.phase();
    if (p.name === name && p.progress > 0.4 && p.progress < 0.6) return;
    clock.advance(10);
  }
  throw new Error(`never reached ${name}`);
}

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers });
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, unknown>,
  };
}

describe('simulated CCProxy /health and /status over HTTP', () => {
  it('listens on 127.0.0.1 and answers unknown paths with JSON 404', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await get(sim.url, '/metrics');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/application\/json/);
  });

  it('is ready and healthy in normal traffic, with details for localhost', async () => {
    enter('normal');
    const h = await get(sim.url, '/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'healthy', state: 'ready', providers: { healthy: 6, total: 6 } });
    expect(h.body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const details = (h.body.providers as { details: Record<string, unknown> }).details;
    expect(details.groq).toMatchObject({
      healthy: true,
      enabled: true,
      response_time_ms: expect.any(Number),
      last_check: expect.any(String),
    });
    expect(Object.keys(h.body.components as object).sort()).toEqual(['config', 'pipeline', 'providers', 'server']);
    const s = await get(sim.url, '/status');
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      status: 'healthy',
      proxy: { version: '1.8.3', requests_served: expect.any(Number) },
      provider: { name: 'groq', status: 'connected' },
    });
    expect((s.body.proxy as { uptime: string }).uptime).toMatch(/^\d+h \d+m \d+s$/);
  });

  it('still says 200 "healthy" with providers.healthy 0 when every provider is down', async () => {
    enter('providers_down');
    const h = await get(sim.url, '/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'healthy', state: 'degraded', providers: { healthy: 0, total: 6 } });
    expect((await get(sim.url, '/status')).body).toMatchObject({
      status: 'degraded',
      provider: { status: 'disconnected' },
    });
  });

  it('is degraded with some providers back during recovery', async () => {
    enter('recovery');
    const h = await get(sim.url, '/health');
    const healthy = (h.body.providers as { healthy: number }).healthy;
    expect(h.status).toBe(200);
    expect(healthy).toBeGreaterThan(0);
    expect(healthy).toBeLessThan(6);
  });

  it('answers 503 unhealthy while the proxy is unavailable; /status stays 200', async () => {
    enter('unavailable');
    const h = await get(sim.url, '/health');
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'unhealthy', state: 'error' });
    expect(h.body.providers).toBeUndefined();
    const s = await get(sim.url, '/status');
    expect(s.status).toBe(200);
    expect(s.body.status).toBe('unhealthy');
  });

  it.each(['rate_limited', 'latency_spike'] as const)('is healthy again during %s', async (name) => {
    enter(name);
    const h = await get(sim.url, '/health');
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: 'healthy', providers: { healthy: 6 } });
  });

  it('gives only the public body to callers without the api key, when one is set', async () => {
    enter('normal');
    expect(phaseAt(clock.now() - Date.UTC(2026, 0, 1), SCALE).name).toBe('normal');
    const anon = await get(keyed.url, '/health');
    expect(Object.keys(anon.body).sort()).toEqual(['providers', 'status', 'timestamp']);
    expect(anon.body.providers).toEqual({ healthy: 6, total: 6 });
    const keys: Record<string, string>[] = [{ authorization: 'Bearer sekret' }, { 'x-api-key': 'sekret' }];
    for (const headers of keys) {
      const authed = await get(keyed.url, '/health', headers);
      expect(authed.body).toMatchObject({ state: 'ready', providers: { details: expect.any(Object) } });
    }
    enter('unavailable');
    expect((await get(keyed.url, '/health')).body).toEqual({ status: 'unhealthy', timestamp: expect.any(String) });
  });
});
