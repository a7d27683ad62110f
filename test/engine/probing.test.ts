import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import * as incidents from '@/app/api/v1/targets/[id]/incidents/route';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { systemClock } from '@/lib/clock';
import { call, makeLookout } from '../helpers/lookout';

type TargetBody = { data: { id: number; status: string; last_check: { error: string | null; up: boolean } | null } };

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function healthServer(body: () => unknown): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

async function waitFor<T>(fn: () => Promise<T | null>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== null) return v;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('probing end to end in the engine', () => {
  it('sees a target go up, down with the failed condition as reason, down again when it stops, and up', async () => {
    let healthy = 2;
    const srv = await healthServer(() => ({ status: 'healthy', providers: { healthy, total: 3 } }));
    const ctx = makeLookout({ clock: systemClock, probes: true });
    cleanup.push(ctx.close);
    const created = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      body: {
        name: 'ccproxy',
        url: `http://127.0.0.1:${srv.port}/health`,
        interval: '1s',
        timeout: '500ms',
        conditions: ['[STATUS] == 200', '[BODY].providers.healthy > 0'],
      },
    });
    const id = (created.body as TargetBody).data.id;
    const status = async (want: string) => {
      const r = (await call(target.GET, `/api/v1/targets/${id}`, { id })).body as TargetBody;
      return r.data.status === want ? r.data : null;
    };

    await waitFor(() => status('up'));
    healthy = 0;
    const down = await waitFor(() => status('down'));
    expect(down.last_check?.error).toBe('condition failed: [BODY].providers.healthy > 0 (got 0)');
    healthy = 3;
    await waitFor(() => status('up'));
    await srv.close();
    const refused = await waitFor(() => status('down'));
    expect(refused.last_check?.error).toBe('connection refused');

    const inc = (await call(incidents.GET, `/api/v1/targets/${id}/incidents`, { id })).body as {
      data: { reason: string; end: string | null }[];
    };
    expect(inc.data.map((i) => [i.reason, i.end === null])).toEqual([
      ['connection refused', true],
      ['condition failed: [BODY].providers.healthy > 0 (got 0)', false],
    ]);
  });
});
