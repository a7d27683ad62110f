import { describe, expect, it } from 'vitest';
import { PushRequest } from '@/lib/loki/push-proto';
import { readPushRequest } from '@/lib/loki/push-proto-reader';
import { compareOnCorruptions } from '../helpers/proto-corruptions';

// The reader must give exactly what protobufjs gives (lib/loki/read-push.ts decodes with it as the fallback).
const protobufjs = (body: Uint8Array) =>
  PushRequest.toObject(PushRequest.decode(body), { longs: String, arrays: true });
const encode = (m: object) => Buffer.from(PushRequest.encode(PushRequest.fromObject(m)).finish());

const push = {
  streams: [
    {
      labels: '{job="app", env="prod"}',
      hash: '18446744073709551615',
      entries: [
        { timestamp: { seconds: '1764979200', nanos: 123456789 }, line: '{"level":"info","msg":"ünïcödé 🚀"}' },
        {
          timestamp: { seconds: '1764979201' },
          line: 'plain',
          structuredMetadata: [
            { name: 'trace_id', value: 'abc' },
            { name: '', value: '' },
          ],
        },
        { line: '' },
        {},
      ],
    },
    { labels: '{job="other"}', entries: [{ timestamp: { seconds: '-5', nanos: -1 }, line: 'x' }] },
    {},
  ],
};

describe('the hand-written Loki push protobuf reader', () => {
  it('gives what protobufjs gives, defaults and 64-bit ends included', () => {
    const body = encode(push);
    expect(readPushRequest(body)).toEqual(protobufjs(body));
    expect(readPushRequest(Buffer.alloc(0))).toEqual(protobufjs(Buffer.alloc(0)));
  });

  it('on random corruptions, either gives protobufjs’s object or leaves the body to protobufjs', () => {
    const good = encode(push);
    const { read, left } = compareOnCorruptions({
      seed: 7,
      body: () => Buffer.from(good),
      maxMutations: 2,
      reference: protobufjs,
      reader: readPushRequest,
    });
    expect(read).toBeGreaterThan(10);
    expect(left).toBeGreaterThan(10);
  });
});
