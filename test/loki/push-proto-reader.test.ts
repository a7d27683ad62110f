import { describe, expect, it } from 'vitest';
import { PushRequest } from '@/lib/loki/push-proto';
import { readPushRequest } from '@/lib/loki/push-proto-reader';
import { Unread } from '@/lib/otlp/proto-reader';

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
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    let read = 0;
    let left = 0;
    for (let k = 0; k < 3_000; k++) {
      const body = Buffer.from(good);
      for (let m = 1 + rand(2); m > 0; m--) body[rand(body.length)] = rand(256);
      const cut = rand(4) === 0 ? body.subarray(0, rand(body.length)) : body;
      let expected: unknown;
      try {
        expected = protobufjs(cut);
      } catch {
        expected = 'refused';
      }
      try {
        const got = readPushRequest(cut);
        read++;
        expect(got).toEqual(expected);
      } catch (err) {
        if (!(err instanceof Unread)) throw err;
        left++;
      }
    }
    expect(read).toBeGreaterThan(10);
    expect(left).toBeGreaterThan(10);
  });
});
