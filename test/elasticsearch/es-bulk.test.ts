import { Client, errors } from '@elastic/elasticsearch';
import { afterEach, describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import { createApiToken } from '@/lib/auth/api-tokens';
import { FakeClock } from '@/lib/clock';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';
import { serveElasticsearch } from './es-server';

type Row = { ts: string; source: string; message: string; level: string | null; fields: Record<string, unknown> };

const start = lookoutPerTest();
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function search(q = ''): Promise<Row[]> {
  const params = new URLSearchParams({ q, from: '0', to: String(Date.now() + 400 * 86_400_000), limit: '1000' });
  return ((await call(logs.GET, `/api/v1/logs?${params}`)).body as { data: Row[] }).data;
}

async function setup(auth: ConstructorParameters<typeof Client>[0]['auth'] = { bearer: ADMIN }) {
  const ctx = start({ clock: new FakeClock(Date.now()) });
  const server = await serveElasticsearch();
  close = server.close;
  return { ...ctx, client: new Client({ node: server.url, auth, maxRetries: 0 }), url: server.url };
}

const at = (i: number) => new Date(Date.now() - 60_000 + i * 1000).toISOString();

describe('Elasticsearch bulk from the official client', () => {
  it('passes the client’s handshake: info, ping and the product check', async () => {
    const { client } = await setup();
    const info = await client.info();
    expect(info.version.number).toMatch(/^8\./);
    expect(await client.ping()).toBe(true);
    const lic = await client.license.get();
    expect(lic.license.type).toBe('basic');
  });

  it('stores what helpers.bulk sent, exactly once, and a retry of the same _ids stores nothing more', async () => {
    const { client } = await setup();
    const docs = Array.from({ length: 250 }, (_, i) => ({
      '@timestamp': at(i % 50),
      message: `order ${i} paid`,
      log: { level: i % 10 === 0 ? 'ERROR' : 'info' },
      order: { id: i, amount: i * 1.5 },
      seq: i,
    }));
    const dropped: unknown[] = [];
    const stats = await client.helpers.bulk<(typeof docs)[number]>({
      datasource: docs,
      onDocument: (d) => ({ create: { _index: 'logs-checkout-default', _id: `order-${d.seq}` } }),
      onDrop: (d) => dropped.push(d),
      flushBytes: 8_000,
    });
    expect(dropped).toEqual([]);
    expect(stats.successful).toBe(250);
    const rows = await search();
    expect(rows).toHaveLength(250);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['checkout']));
    const bySeq = new Map(rows.map((r) => [r.fields.seq as number, r]));
    for (const d of docs) {
      const r = bySeq.get(d.seq)!;
      expect(r.message).toBe(d.message);
      expect(r.ts).toBe(d['@timestamp']);
      expect(r.level).toBe(d.log.level === 'ERROR' ? 'error' : 'info');
      expect(r.fields).toMatchObject({ _id: `order-${d.seq}`, order: d.order });
    }
    // The client retries after a lost answer: `create` conflicts, `index` is a no-op; nothing is added.
    const again = await client.bulk({
      operations: docs
        .slice(0, 20)
        .flatMap((d, i) => [
          i % 2
            ? { create: { _index: 'logs-checkout-default', _id: `order-${d.seq}` } }
            : { index: { _index: 'logs-checkout-default', _id: `order-${d.seq}` } },
          d,
        ]),
    });
    expect(again.errors).toBe(true);
    expect(again.items.map((it) => Object.values(it)[0].status)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? 409 : 200)),
    );
    expect(again.items[1].create?.error?.type).toBe('version_conflict_engine_exception');
    expect(await search()).toHaveLength(250);
  });

  it('takes the index from the path, maps Filebeat and Logstash index names, and keeps documents without _id', async () => {
    const { client } = await setup();
    const r = await client.bulk({
      index: 'filebeat-8.17.0',
      operations: [
        { index: {} },
        { '@timestamp': at(1), message: 'from filebeat', host: { name: 'web-1' } },
        { index: { _index: 'logstash-2026.12.05' } },
        { '@timestamp': at(2), message: 'from logstash', 'log.level': 'warn' },
      ],
    });
    expect(r.errors).toBe(false);
    expect(r.items.map((it) => it.index?.status)).toEqual([201, 201]);
    const rows = await search();
    expect(rows.map((x) => [x.source, x.message, x.level]).sort()).toEqual([
      ['filebeat', 'from filebeat', null],
      ['logstash', 'from logstash', 'warn'],
    ]);
    expect(rows.find((x) => x.source === 'filebeat')?.fields.host).toEqual({ name: 'web-1' });
  });

  it('fails bad documents item by item and stores the rest; refuses delete and update', async () => {
    const { url } = await setup();
    const body = [
      '{"create":{"_index":"app","_id":"a"}}',
      `{"@timestamp":"${at(1)}","message":"good one"}`,
      '{"create":{"_index":"app","_id":"b"}}',
      '{"message": "broken',
      '{"create":{"_index":"app","_id":"c"}}',
      `{"@timestamp":"${new Date(Date.now() + 3 * 86_400_000).toISOString()}","message":"from the future"}`,
      '{"create":{"_index":"app","_id":"d"}}',
      '{"@timestamp":"1999-01-01T00:00:00Z","message":"too old"}',
      '{"create":{"_index":"app","_id":"e"}}',
      '{"@timestamp":"yesterday-ish","message":"bad time"}',
      '{"create":{"_index":"app"}}',
      '{"_id":"inside","message":"metadata field"}',
      '{"delete":{"_index":"app","_id":"a"}}',
      '{"update":{"_index":"app","_id":"a"}}',
      '{"doc":{"message":"changed"}}',
      '{"index":{"_index":"app","_id":"f"}}',
      JSON.stringify({ message: 'deep', a: JSON.parse(`${'{"x":'.repeat(25)}1${'}'.repeat(25)}`) }),
      '{"index":{"_index":"app","_id":"g"}}',
      `{"@timestamp":"${at(2)}","message":"good two"}`,
      '',
    ].join('\n');
    const res = await fetch(`${url}/_bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-elastic-product')).toBe('Elasticsearch');
    const answer = (await res.json()) as {
      errors: boolean;
      items: Record<string, { status: number; error?: { type: string } }>[];
    };
    expect(answer.errors).toBe(true);
    const flat = answer.items.map((it) => {
      const [op, r] = Object.entries(it)[0];
      return [op, r.status, r.error?.type ?? null];
    });
    expect(flat).toEqual([
      ['create', 201, null],
      ['create', 400, 'document_parsing_exception'],
      ['create', 400, 'illegal_argument_exception'],
      ['create', 400, 'illegal_argument_exception'],
      ['create', 400, 'document_parsing_exception'],
      ['create', 400, 'document_parsing_exception'],
      ['delete', 400, 'illegal_argument_exception'],
      ['update', 400, 'illegal_argument_exception'],
      ['index', 400, 'document_parsing_exception'],
      ['index', 201, null],
    ]);
    expect((await search()).map((r) => r.message).sort()).toEqual(['good one', 'good two']);
  });

  it('answers a malformed bulk with Elasticsearch’s 400 and stores nothing of it', async () => {
    const { client, url } = await setup();
    const err = await client
      .bulk({ operations: [{ index: { _index: 'app' } }, { message: 'x' }, { whatever: {} }, { message: 'y' }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(errors.ResponseError);
    const meta = (err as errors.ResponseError).meta;
    expect(meta.statusCode).toBe(400);
    expect((meta.body as { error: { type: string } }).error.type).toBe('illegal_argument_exception');
    const post = (body: string | Uint8Array, type = 'application/x-ndjson') =>
      fetch(`${url}/app/_bulk`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN}`, 'content-type': type },
        body: typeof body === 'string' ? body : new Uint8Array(body),
      });
    const notJson = await post('{"index":{}}\n{"message":"ok"}\n{not json\n{"message":"z"}\n');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { type: string } }).error.type).toBe('x_content_parse_exception');
    expect((await post('{"index":{}}\n{"message":"plain"}\n', 'text/plain')).status).toBe(406);
    const big = await post(`{"index":{}}\n{"message":"${'x'.repeat(16 * 1024 * 1024)}"}\n`);
    expect(big.status).toBe(413);
    const noIndex = await fetch(`${url}/_bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: '{"index":{}}\n{"message":"where"}\n',
    });
    expect(noIndex.status).toBe(400);
    const badUtf8 = await post(
      Buffer.concat([Buffer.from('{"index":{}}\n{"message":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]),
    );
    expect(((await badUtf8.json()) as { items: { index: { status: number } }[] }).items[0].index.status).toBe(400);
    expect(await search()).toEqual([]);
  });

  it('takes the ingest token as an API key, a basic-auth password or a bearer token; refuses others in Elasticsearch’s shape', async () => {
    const { lookout, url } = await setup();
    const { token } = createApiToken(lookout.db, 'filebeat', 'ingest', Date.now());
    const { token: readToken } = createApiToken(lookout.db, 'reader', 'read', Date.now());
    const auths = [
      { apiKey: Buffer.from(`filebeat:${token}`).toString('base64') },
      { apiKey: { id: 'filebeat', api_key: token } },
      { apiKey: token },
      { username: 'elastic', password: token },
      { bearer: token },
    ];
    for (const [i, auth] of auths.entries()) {
      const client = new Client({ node: url, auth, maxRetries: 0 });
      const r = await client.bulk({
        index: 'auth',
        operations: [{ create: { _id: `k${i}` } }, { '@timestamp': at(i), message: `via ${i}` }],
      });
      expect(r.errors, JSON.stringify(auth)).toBe(false);
    }
    expect(await search()).toHaveLength(auths.length);
    for (const [auth, status] of [
      [{ apiKey: Buffer.from('x:wrong').toString('base64') }, 401],
      [{ username: 'elastic', password: readToken }, 403],
    ] as const) {
      const err = (await new Client({ node: url, auth, maxRetries: 0 })
        .bulk({ index: 'auth', operations: [{ create: {} }, { message: 'no' }] })
        .catch((e: unknown) => e)) as errors.ResponseError;
      expect(err.meta.statusCode).toBe(status);
      expect((err.meta.body as { error: { type: string } }).error.type).toBe('security_exception');
    }
    expect(await search()).toHaveLength(auths.length);
  });
});
