import { describe, expect, it } from 'vitest';
import { compressBody, decodeWriteRequest, encodeWriteRequest, type WriteSeries } from '@/lib/remote-write/proto';

// Lookout writes the WriteRequest protobuf by hand; protobufjs reads it back, as any receiver's decoder would.
describe('WriteRequest encoding', () => {
  const series: WriteSeries[] = [
    {
      labels: [
        { name: '__name__', value: 'http_requests_total' },
        { name: 'job', value: 'ccproxy' },
        { name: 'model', value: 'moonshotai/kimi-k2-instruct — ünïcödé ✓' },
      ],
      samples: [
        { value: 1234.5, timestamp: 1_796_496_702_800 },
        { value: -0.25, timestamp: 1_796_496_717_800 },
      ],
    },
    {
      labels: [
        { name: '__name__', value: 'up' },
        { name: 'long', value: 'x'.repeat(300) },
      ],
      samples: [
        { value: 0, timestamp: 0 },
        { value: Number.POSITIVE_INFINITY, timestamp: 127 },
        { value: Number.MAX_SAFE_INTEGER, timestamp: 128 },
        { value: 1e-300, timestamp: 2 ** 40 + 3 },
      ],
    },
  ];

  it('round-trips through a protobuf decoder, strings, varints past 32 bits and doubles intact', () => {
    expect(decodeWriteRequest(compressBody(encodeWriteRequest(series)))).toEqual(series);
  });

  it('NaN stays NaN', () => {
    const [s] = decodeWriteRequest(
      compressBody(
        encodeWriteRequest([
          { labels: [{ name: '__name__', value: 'x' }], samples: [{ value: Number.NaN, timestamp: 1 }] },
        ]),
      ),
    );
    expect(Number.isNaN(s.samples[0].value)).toBe(true);
  });

  it('two encoded requests concatenated decode as one request with both series lists', () => {
    const joined = Buffer.concat([encodeWriteRequest([series[0]]), encodeWriteRequest([series[1]])]);
    expect(decodeWriteRequest(compressBody(joined))).toEqual(series);
    expect(decodeWriteRequest(compressBody(encodeWriteRequest([])))).toEqual([]);
  });
});
