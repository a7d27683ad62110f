import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch, transferables } from '@/lib/ingest/batch-codec';
import type { LogBatch } from '@/lib/ingest/log-writer';

const batch: LogBatch = {
  sourceId: 3,
  receivedAt: 1_780_000_000_000,
  linesRead: 4,
  rejects: [{ line: 4, reason: 'line is not valid UTF-8', sample: '\uFFFD' }],
  positions: [{ path: '/var/log/a.log', dev: 1, ino: 2, fingerprint: 'ab', offset: 10, size: 20 }],
  forget: [],
  parserState: '{"v":1}',
  detectedFormat: 'ccproxy-v1',
  records: [
    {
      ts: 1_780_000_000_001,
      level: 'info',
      message: 'Routed to provider=groq',
      fieldsJson: '{"msg":"Routed to provider=groq"}',
      flags: 0,
      provider: 'groq',
      model: 'llama',
      status: null,
      durationMs: null,
      inputTokens: 200,
      outputTokens: null,
      requestId: null,
      isRequest: false,
      requests: [],
    },
    {
      ts: 1_780_000_000_002,
      level: null,
      message: '',
      fieldsJson: null,
      flags: 5,
      provider: null,
      model: null,
      status: null,
      durationMs: null,
      inputTokens: null,
      outputTokens: null,
      requestId: null,
      isRequest: false,
      requests: [],
    },
    {
      ts: 1_780_000_000_003,
      level: 'error',
      message: "ünïcødé 🚀 <b>x</b> \u0000 '; DROP TABLE logs;--",
      fieldsJson: '{"a":"🚀"}',
      flags: 1,
      provider: 'openai',
      model: 'gpt',
      status: 429,
      durationMs: 0.25,
      inputTokens: 0,
      outputTokens: 7,
      requestId: 'r-1',
      isRequest: true,
      requests: [
        {
          ts: 1_780_000_000_003,
          status: 429,
          durationMs: 0.25,
          provider: 'openai',
          model: 'gpt',
          inputTokens: 0,
          outputTokens: 7,
          rateLimited: true,
        },
        {
          ts: 1_780_000_000_000,
          status: null,
          durationMs: null,
          provider: null,
          model: null,
          inputTokens: null,
          outputTokens: null,
          rateLimited: false,
        },
      ],
    },
  ],
  extraRequests: [
    {
      ts: 1_779_999_999_000,
      status: 200,
      durationMs: 1500,
      provider: 'gemini',
      model: '',
      inputTokens: 10,
      outputTokens: 20,
      rateLimited: false,
    },
  ],
};

describe('log batches crossing to the writer thread', () => {
  it('decode to exactly the batch that was encoded: nulls, zeros, empty and unusual strings, requests', () => {
    expect(decodeBatch(encodeBatch(batch))).toEqual(batch);
  });

  it('survive a real structured clone with the number buffers transferred', () => {
    const encoded = encodeBatch(batch);
    const copy = structuredClone(encoded, { transfer: transferables(encoded) });
    expect(encoded.numbers.byteLength).toBe(0);
    expect(decodeBatch(copy)).toEqual(batch);
  });

  it("carry a request's method and route, null or absent, and the detection samples", () => {
    const q = { ts: 7, status: 200, durationMs: 3, provider: null, model: null, inputTokens: null, outputTokens: null };
    const routed: LogBatch = {
      sourceId: 2,
      records: [],
      rejects: [],
      linesRead: 0,
      receivedAt: 9,
      extraRequests: [
        { ...q, rateLimited: false, method: 'GET', route: '/users/:id' },
        { ...q, rateLimited: false, method: null, route: '/' },
        { ...q, rateLimited: true },
      ],
      samples: [
        {
          kind: 'fallback',
          line: 'no time',
          detected: {
            format: 'text',
            family: null,
            wrapper: null,
            ts: 9,
            ts_fallback: true,
            ts_issue: 'missing',
            level: null,
            message: 'no time',
            fields: {},
          },
        },
      ],
    };
    expect(decodeBatch(encodeBatch(routed))).toEqual(routed);
    expect(decodeBatch(encodeBatch(routed)).extraRequests?.[2]).not.toHaveProperty('method');
  });

  it('decode an empty batch (a position-only commit)', () => {
    const empty: LogBatch = {
      sourceId: 1,
      records: [],
      rejects: [],
      linesRead: 0,
      receivedAt: 5,
      positions: [],
      forget: [],
      extraRequests: [],
    };
    expect(decodeBatch(encodeBatch(empty))).toEqual(empty);
  });
});
