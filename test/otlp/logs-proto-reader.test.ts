import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { describe, expect, it } from 'vitest';
import { readLogsRequest, Unread } from '@/lib/otlp/logs-proto-reader';
import { decodeProtobuf, LogsRequest } from '@/lib/otlp/proto';
import { compareOnCorruptions } from '../helpers/proto-corruptions';

// The reader must give exactly what protobufjs gives (lib/otlp/proto.ts decodes with it as the fallback).
const protobufjs = (body: Uint8Array) =>
  LogsRequest.toObject(LogsRequest.decode(body), { longs: String, enums: Number, bytes: String, arrays: true });

/** Bodies as the OpenTelemetry JS SDK's own protobuf serializer makes them. */
async function sdkBodies(): Promise<Buffer[]> {
  const batches: ReadableLogRecord[][] = [];
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': 'checkout', 'host.cpus': 8, 'deploy.canary': false }),
    processors: [
      new BatchLogRecordProcessor({
        exporter: {
          export: (logs, done) => {
            batches.push(logs);
            done({ code: 0 });
          },
          shutdown: async () => {},
          forceFlush: async () => {},
        },
        maxExportBatchSize: 7,
      }),
    ],
  });
  const logger = provider.getLogger('checkout', '1.2.3');
  const other = provider.getLogger('billing');
  const ctx = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: '5b8efff798038103d269b633813fc60c',
    spanId: 'eee19b7ec3c1b174',
    traceFlags: 1,
  });
  for (let i = 0; i < 20; i++) {
    logger.emit({
      severityNumber: SeverityNumber.ERROR,
      severityText: 'ERROR',
      body: `payment failed ${i} — ünïcödé 🚀`,
      attributes: {
        'user.email': 'ada@example.com',
        'http.status_code': 502,
        retry: true,
        ratio: 0.25,
        big: -(2 ** 40),
      },
      context: ctx,
    });
    other.emit({
      severityNumber: SeverityNumber.INFO2,
      body: { event: `cart ${i}`, items: [1, 2.5, 'x', null, true], nested: { depth: { ok: 'yes' } } },
      attributes: { time: 'an attribute named time', list: ['a', 'b'], raw: new Uint8Array([0, 1, 255]) },
      eventName: 'cart.updated',
      timestamp: [1_700_000_000, 123_456_789],
    });
    logger.emit({ severityText: 'NOTICE', body: i });
  }
  await provider.forceFlush();
  return batches.map((b) => Buffer.from(ProtobufLogsSerializer.serializeRequest(b)!));
}

describe('the hand-written OTLP logs protobuf reader', () => {
  it('gives what protobufjs gives for the SDK’s own bodies', async () => {
    const bodies = await sdkBodies();
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(readLogsRequest(body)).toEqual(protobufjs(body));
  });

  it('gives what protobufjs gives for edge values: 64-bit ends, zeros, several resources, unknown fields', () => {
    const message = {
      resourceLogs: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }], droppedAttributesCount: 3 },
          schemaUrl: 'https://opentelemetry.io/schemas/1.21.0',
          scopeLogs: [
            {
              scope: {
                name: 's',
                version: '1',
                attributes: [{ key: 'k', value: { kvlistValue: { values: [] } } }],
                droppedAttributesCount: 1,
              },
              schemaUrl: 'x',
              logRecords: [
                {
                  timeUnixNano: '18446744073709551615',
                  observedTimeUnixNano: '1',
                  severityNumber: 24,
                  attributes: [
                    { key: 'min', value: { intValue: '-9223372036854775808' } },
                    { key: 'max', value: { intValue: '9223372036854775807' } },
                    { key: 'neg', value: { intValue: '-1' } },
                    { key: 'zero', value: { intValue: '0' } },
                    { key: 'no value' },
                    { key: 'nan', value: { doubleValue: Number.NaN } },
                    { key: 'empty', value: {} },
                    { key: 'arr', value: { arrayValue: { values: [{ arrayValue: { values: [] } }] } } },
                  ],
                  droppedAttributesCount: 2,
                  flags: 0xffffffff,
                  traceId: Buffer.alloc(0),
                  spanId: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]),
                  eventName: '',
                },
                { timeUnixNano: '1700000000000000000', severityNumber: -3 },
                {},
              ],
            },
          ],
        },
        { scopeLogs: [] },
        {},
      ],
    };
    const body = Buffer.from(LogsRequest.encode(LogsRequest.fromObject(message)).finish());
    expect(readLogsRequest(body)).toEqual(protobufjs(body));
    // An unknown field in each of the varint, 64-bit, length and 32-bit wire types is skipped, as protobufjs does.
    const unknown = Buffer.concat([
      Buffer.from([0xf8, 0x01, 0x96, 0x01]), // field 31, varint 150
      Buffer.from([0xf9, 0x01, 1, 2, 3, 4, 5, 6, 7, 8]), // field 31, fixed64
      Buffer.from([0xfa, 0x01, 2, 0x61, 0x62]), // field 31, two bytes
      Buffer.from([0xfd, 0x01, 1, 2, 3, 4]), // field 31, fixed32
      body,
    ]);
    expect(readLogsRequest(unknown)).toEqual(protobufjs(unknown));
  });

  it('agrees with protobufjs on deep nesting: the same object below its recursion limit, left to it beyond', () => {
    // Built by hand: protobufjs's own encoder has the same limit.
    const len = (b: Buffer) => {
      const out: number[] = [];
      let n = b.length;
      while (n >= 0x80) {
        out.push((n & 0x7f) | 0x80);
        n >>>= 7;
      }
      out.push(n);
      return Buffer.concat([Buffer.from(out), b]);
    };
    const field = (tag: number, b: Buffer) => Buffer.concat([Buffer.from([tag]), len(b)]);
    const nested = (levels: number, kind: 'array' | 'kvlist') => {
      let v = field(0x0a, Buffer.from('leaf'));
      for (let i = 0; i < levels; i++)
        v =
          kind === 'array'
            ? field(0x2a, field(0x0a, v))
            : field(0x32, field(0x0a, Buffer.concat([field(0x0a, Buffer.from('k')), field(0x12, v)])));
      return field(0x0a, field(0x12, field(0x12, field(0x2a, v))));
    };
    for (const [levels, kind] of [
      [20, 'kvlist'],
      [40, 'array'],
    ] as const)
      expect(readLogsRequest(nested(levels, kind))).toEqual(protobufjs(nested(levels, kind)));
    for (const [levels, kind] of [
      [40, 'kvlist'],
      [60, 'array'],
    ] as const) {
      expect(() => protobufjs(nested(levels, kind))).toThrow(/max depth/);
      expect(() => readLogsRequest(nested(levels, kind))).toThrow(Unread);
    }
  });

  it('leaves malformed bodies to protobufjs, which refuses them with its own message', () => {
    const good = Buffer.from(
      LogsRequest.encode(
        LogsRequest.fromObject({
          resourceLogs: [{ scopeLogs: [{ logRecords: [{ body: { stringValue: 'héllo' }, severityText: 'x' }] }] }],
        }),
      ).finish(),
    );
    const truncated = good.subarray(0, good.length - 3);
    const badUtf8 = Buffer.from(good);
    badUtf8[badUtf8.indexOf(0xc3)] = 0xff;
    for (const body of [truncated, badUtf8, Buffer.from([0x0b]), Buffer.from([0x0a, 0x05, 0x00])]) {
      expect(() => readLogsRequest(body)).toThrow(Unread);
      expect(() => protobufjs(body)).toThrow();
      expect(() => decodeProtobuf(LogsRequest, body)).toThrow();
    }
  });

  it('on random corruptions of SDK bodies, either gives protobufjs’s object or leaves the body to protobufjs', async () => {
    const bodies = await sdkBodies();
    const { read, left: leftToProtobufjs } = compareOnCorruptions({
      seed: 42,
      body: (rand) => Buffer.from(bodies[rand(bodies.length)]),
      maxMutations: 3,
      reference: protobufjs,
      reader: readLogsRequest,
    });
    expect(read).toBeGreaterThan(10);
    expect(leftToProtobufjs).toBeGreaterThan(100);
  });
});
