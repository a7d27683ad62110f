import { describe, expect, it } from 'vitest';
import winston from 'winston';
import LokiTransport from 'winston-loki';
import * as logs from '@/app/api/v1/logs/route';
import * as push from '@/app/loki/api/v1/push/route';
import { FakeClock } from '@/lib/clock';
import { serveRoutes } from '../helpers/intake-server';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

type Row = { ts: string; source: string; message: string; level: string | null; fields: Record<string, unknown> };

const start = lookoutPerTest();

async function search(q = ''): Promise<Row[]> {
  const params = new URLSearchParams({ q, from: '0', to: String(Date.now() + 400 * 86_400_000), limit: '1000' });
  return ((await call(logs.GET, `/api/v1/logs?${params}`)).body as { data: Row[] }).data;
}

describe('Loki push from winston-loki', () => {
  // winston-loki sends protobuf through the `snappy` package, JSON through fetch; both as Loki's push API takes them.
  for (const json of [true, false]) {
    it(`stores what winston-loki sent as ${json ? 'JSON' : 'snappy protobuf'}, with stream labels as fields`, async () => {
      start({ clock: new FakeClock(Date.now()) });
      const server = await serveRoutes({ '/loki/api/v1/push': { POST: push.POST } });
      try {
        const transport = new LokiTransport({
          host: server.url,
          json,
          headers: { authorization: `Bearer ${ADMIN}` },
          labels: { job: 'checkout api', env: 'prod' },
          onConnectionError: (err: unknown) => {
            throw err;
          },
        });
        const logger = winston.createLogger({ transports: [transport] });
        logger.error('payment failed', { order: 42 });
        logger.info('cart updated');
        logger.warn('slow query', { labels: { db: 'orders' } });
        await transport.flush();
        const rows = await search();
        // winston-loki's own line format: the message, then the remaining meta as JSON.
        expect(rows.map((r) => r.message).sort()).toEqual([
          'cart updated {"level":"info"}',
          'payment failed {"order":42,"level":"error"}',
          'slow query {"level":"warn"}',
        ]);
        expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['checkout_api']));
        const failed = rows.find((r) => r.message.startsWith('payment'))!;
        expect(failed.fields).toMatchObject({ job: 'checkout api', env: 'prod', level: 'error' });
        expect(failed.level).toBe('error');
        expect(rows.find((r) => r.message.startsWith('slow'))!.fields).toMatchObject({ db: 'orders', level: 'warn' });
        expect((await search('env:prod')).length).toBe(3);
        transport.close?.();
      } finally {
        await server.close();
      }
    });
  }

  it('answers bad pushes with Loki’s 400, 413 and 415 text and stores nothing of them; refused entries are named', async () => {
    const now = Date.now();
    start({ clock: new FakeClock(now) });
    const post = (body: string | Uint8Array, type: string) =>
      push.POST(
        new Request('http://127.0.0.1/loki/api/v1/push', {
          method: 'POST',
          headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type },
          body: typeof body === 'string' ? body : new Uint8Array(body),
        }),
      );
    const notSnappy = await post(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]), 'application/x-protobuf');
    expect(notSnappy.status).toBe(400);
    expect(await notSnappy.text()).toMatch(/snappy/);
    expect((await post('{"streams":[{"stream":{"job":"a"},"values":[[1,"x"]]}]}', 'application/json')).status).toBe(
      400,
    );
    expect((await post('{"streams": 3}', 'application/json')).status).toBe(400);
    expect((await post('line', 'text/plain')).status).toBe(415);
    expect((await post(' '.repeat(16 * 1024 * 1024 + 1), 'application/json')).status).toBe(413);
    expect(await search()).toEqual([]);
    const ns = (ms: number) => `${BigInt(ms) * 1_000_000n}`;
    const mixed = await post(
      JSON.stringify({
        streams: [
          {
            stream: { job: 'app' },
            values: [
              [ns(now), 'kept', { trace_id: 'abc' }],
              [ns(now + 5 * 86_400_000), 'future'],
            ],
          },
        ],
      }),
      'application/json',
    );
    expect(mixed.status).toBe(400);
    expect(await mixed.text()).toMatch(/1 entries refused.*too new/);
    const rows = await search();
    expect(rows.map((r) => [r.message, r.source, r.ts, r.fields.trace_id])).toEqual([
      ['kept', 'app', new Date(now).toISOString(), 'abc'],
    ]);
  });
});
