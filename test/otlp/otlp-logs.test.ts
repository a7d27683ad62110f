import { gzipSync } from 'node:zlib';
import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonLogExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as otlpUnderApi from '@/app/api/v1/otlp/v1/logs/route';
import * as tokens from '@/app/api/v1/tokens/route';
import * as otlpLogs from '@/app/v1/logs/route';
import { FakeClock } from '@/lib/clock';
import { LogsRequest, RpcStatus } from '@/lib/otlp/proto';
import { serveRoutes } from '../helpers/intake-server';
import { call, lookoutPerTest } from '../helpers/lookout';

type Row = {
  ts: string;
  source: string;
  message: string;
  level: string | null;
  flags: number;
  fields: Record<string, unknown>;
};

const start = lookoutPerTest();

async function ingestToken(): Promise<string> {
  const res = await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body: { name: 'otel', scope: 'ingest' } });
  return (res.body as { data: { token: string } }).data.token;
}

async function search(q = ''): Promise<Row[]> {
  const params = new URLSearchParams({ q, from: '0', to: String(Date.now() + 400 * 86_400_000), limit: '1000' });
  return ((await call(logs.GET, `/api/v1/logs?${params}`)).body as { data: Row[] }).data;
}

async function serve() {
  return serveRoutes({ '/v1/logs': { POST: otlpLogs.POST }, '/api/v1/otlp/v1/logs': { POST: otlpUnderApi.POST } });
}

const TRACE = '5b8efff798038103d269b633813fc60c';
const SPAN = 'eee19b7ec3c1b174';

function emitAll(provider: LoggerProvider, run: string): void {
  const logger = provider.getLogger('checkout', '1.2.3');
  const ctx = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE, spanId: SPAN, traceFlags: 1 });
  logger.emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'ERROR',
    body: `payment failed ${run}`,
    attributes: { 'user.email': 'ada@example.com', 'http.status_code': 502, retry: true },
    context: ctx,
  });
  logger.emit({
    severityNumber: SeverityNumber.INFO2,
    body: { event: `cart ${run}`, items: [1, 2], nested: { depth: { ok: 'yes' } } },
    attributes: { time: 'an attribute named time' },
  });
  logger.emit({ severityText: 'NOTICE', body: `unknown severity ${run}` });
}

describe('OTLP/HTTP logs from the OpenTelemetry JS SDK', () => {
  for (const [name, Exporter, path, compression] of [
    ['protobuf', ProtoLogExporter, '/v1/logs', 'none'],
    ['protobuf, gzip', ProtoLogExporter, '/api/v1/otlp/v1/logs', 'gzip'],
    ['JSON', JsonLogExporter, '/v1/logs', 'none'],
    ['JSON, gzip', JsonLogExporter, '/api/v1/otlp/v1/logs', 'gzip'],
  ] as const) {
    it(`stores what the ${name} exporter sent, exactly once, under service.name`, async () => {
      start({ clock: new FakeClock(Date.now()) });
      const token = await ingestToken();
      const server = await serve();
      try {
        const exporter = new Exporter({
          url: `${server.url}${path}`,
          headers: { authorization: `Bearer ${token}` },
          compression: compression as never,
        });
        const provider = new LoggerProvider({
          resource: resourceFromAttributes({ 'service.name': 'shop api', 'service.instance.id': 'i-1' }),
          processors: [new BatchLogRecordProcessor({ exporter })],
        });
        emitAll(provider, name);
        await provider.forceFlush();
        await provider.shutdown();
        const rows = await search();
        expect(rows).toHaveLength(3);
        expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['shop_api']));
        const failed = rows.find((r) => r.message === `payment failed ${name}`)!;
        expect(failed.level).toBe('error');
        expect(failed.fields).toMatchObject({
          'user.email': 'ada@example.com',
          'http.status_code': 502,
          retry: true,
          trace_id: TRACE,
          span_id: SPAN,
          severity_text: 'ERROR',
          severity_number: 17,
          'service.name': 'shop api',
          'service.instance.id': 'i-1',
          'otel.scope.name': 'checkout',
          'otel.scope.version': '1.2.3',
        });
        expect(failed.flags).toBe(0);
        const cart = rows.find((r) => r.message.includes(`cart ${name}`))!;
        expect(cart.level).toBe('info');
        expect(cart.fields.body).toEqual({ event: `cart ${name}`, items: [1, 2], nested: { depth: { ok: 'yes' } } });
        expect(cart.fields['attributes.time']).toBe('an attribute named time');
        expect(JSON.parse(cart.message)).toEqual(cart.fields.body);
        const unknown = rows.find((r) => r.message === `unknown severity ${name}`)!;
        expect(unknown.fields.severity_text).toBe('NOTICE');
        expect((await search(`trace_id:${TRACE}`)).map((r) => r.message)).toEqual([`payment failed ${name}`]);
        expect((await search(`span_id:${SPAN}`)).length).toBe(1);
      } finally {
        await server.close();
      }
    });
  }
});

async function postRaw(body: Uint8Array | string, headers: Record<string, string>, token: string) {
  const res = await otlpLogs.POST(
    new Request('http://127.0.0.1/v1/logs', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    }),
  );
  return res;
}

const jsonRequest = (records: Record<string, unknown>[]) =>
  JSON.stringify({
    resourceLogs: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'raw' } }] },
        scopeLogs: [{ logRecords: records }],
      },
    ],
  });

describe('OTLP/HTTP logs: bad input gets the protocol’s answer and stores nothing of it', () => {
  it('answers 400 with google.rpc.Status to malformed protobuf and invalid UTF-8, in protobuf and JSON', async () => {
    const now = Date.now();
    start({ clock: new FakeClock(now) });
    const token = await ingestToken();
    const proto = { 'content-type': 'application/x-protobuf' };
    const malformed = await postRaw(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), proto, token);
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/x-protobuf');
    const status = RpcStatus.decode(new Uint8Array(await malformed.arrayBuffer())) as unknown as {
      code: number;
      message: string;
    };
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/not a valid ExportLogsServiceRequest/);

    const good = LogsRequest.encode(
      LogsRequest.fromObject({
        resourceLogs: [
          { scopeLogs: [{ logRecords: [{ timeUnixNano: String(now * 1e6), body: { stringValue: 'AAAA' } }] }] },
        ],
      }),
    ).finish();
    const bad = Buffer.from(good);
    bad.set([0xff, 0xfe, 0xc3, 0x28], bad.indexOf('AAAA'));
    const badUtf8 = await postRaw(bad, proto, token);
    expect(badUtf8.status).toBe(400);
    const badStatus = RpcStatus.decode(new Uint8Array(await badUtf8.arrayBuffer())) as unknown as { message: string };
    expect(badStatus.message).toMatch(/UTF-8/i);

    const json = { 'content-type': 'application/json' };
    const badJsonUtf8 = await postRaw(
      Buffer.concat([Buffer.from(jsonRequest([{ body: { stringValue: 'x' } }]).slice(0, -10)), Buffer.from([0xff])]),
      json,
      token,
    );
    expect(badJsonUtf8.status).toBe(400);
    expect(((await badJsonUtf8.json()) as { message: string }).message).toMatch(/UTF-8/);
    const wrongShape = await postRaw(JSON.stringify({ resourceLogs: [{ scopeLogs: 'nope' }] }), json, token);
    expect(wrongShape.status).toBe(400);
    expect(((await wrongShape.json()) as { code: number; message: string }).message).toMatch(/scopeLogs/);
    expect(await search()).toEqual([]);
  });

  it('answers 415 to other content types and 413 above 16 MiB, before or after gzip', async () => {
    start({ clock: new FakeClock(Date.now()) });
    const token = await ingestToken();
    const text = await postRaw(jsonRequest([{ body: { stringValue: 'x' } }]), { 'content-type': 'text/plain' }, token);
    expect(text.status).toBe(415);
    const ndjson = await postRaw('{}', { 'content-type': 'application/x-ndjson' }, token);
    expect(ndjson.status).toBe(415);
    const big = await postRaw(Buffer.alloc(16 * 1024 * 1024 + 1, 0x20), { 'content-type': 'application/json' }, token);
    expect(big.status).toBe(413);
    const bomb = await postRaw(
      gzipSync(Buffer.alloc(17 * 1024 * 1024, 0x20)),
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      token,
    );
    expect(bomb.status).toBe(413);
    expect(((await bomb.json()) as { message: string }).message).toMatch(/16 MiB/);
    const anonymous = await otlpLogs.POST(new Request('http://127.0.0.1/v1/logs', { method: 'POST', body: '{}' }));
    expect(anonymous.status).toBe(401);
    expect(await search()).toEqual([]);
  });

  it('refuses far-future, pre-2000 and too deeply nested records with partialSuccess, storing the rest', async () => {
    const now = Date.now();
    start({ clock: new FakeClock(now) });
    const token = await ingestToken();
    let deep: Record<string, unknown> = { stringValue: 'bottom' };
    for (let i = 0; i < 40; i++) deep = { kvlistValue: { values: [{ key: 'k', value: deep }] } };
    const res = await postRaw(
      jsonRequest([
        { timeUnixNano: String(BigInt(now) * 1_000_000n), body: { stringValue: 'kept' }, severityNumber: 13 },
        { timeUnixNano: String(BigInt(now + 3 * 86_400_000) * 1_000_000n), body: { stringValue: 'future' } },
        { timeUnixNano: String(now), body: { stringValue: 'milliseconds, not nanoseconds' } },
        { observedTimeUnixNano: String(BigInt(now) * 1_000_000n), body: deep },
      ]),
      { 'content-type': 'application/json' },
      token,
    );
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { partialSuccess: { rejectedLogRecords: string; errorMessage: string } };
    expect(answer.partialSuccess.rejectedLogRecords).toBe('3');
    expect(answer.partialSuccess.errorMessage).toMatch(/more than a day ahead.*before 2000.*deeper than 32/);
    const rows = await search();
    expect(rows.map((r) => [r.message, r.level, r.source, r.ts])).toEqual([
      ['kept', 'warn', 'raw', new Date(now).toISOString()],
    ]);
  });
});
