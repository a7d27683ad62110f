import { describe, expect, it } from 'vitest';
import { type CompletedRequest, LogCorrelator, type ProcessedLine } from '@/lib/logs';
import { ID_A, ID_B, v0 } from './ccproxy-fixtures';

const AT = Date.UTC(2025, 6, 25, 3, 12);
const all = (out: ProcessedLine[]): CompletedRequest[] =>
  out.flatMap((o) => [...(o.request ? [o.request] : []), ...(o.lateRequests ?? [])]);

function run(lines: string[], c = new LogCorrelator({ format: 'auto' })): ProcessedLine[] {
  return lines.map((l, i) => c.process(l, AT + i));
}

const FULL = [
  v0.anthropicRequest(ID_A),
  v0.providerRequest(),
  v0.providerResponse(),
  v0.anthropicResponse(ID_A),
  v0.httpRequest(ID_A),
];

describe('CCProxy v0', () => {
  it('joins anthropic_request, anthropic_response and http_request by request_id', () => {
    const out = run(FULL);
    expect(all(out)).toEqual([
      {
        ts: Date.parse('2025-07-25T03:11:02.855Z'),
        status: 200,
        durationMs: 845,
        provider: 'groq',
        model: 'claude-3-5-sonnet-20241022',
        inputTokens: 1530,
        outputTokens: 211,
        requestId: ID_A,
        rateLimited: false,
        method: 'POST',
        path: '/v1/messages',
        completedBy: 'v0_http_request',
        attrs: expect.objectContaining({ type: 'http_request', request_id: ID_A }),
      },
    ]);
    expect(out[4].request).toBeDefined();
    expect(out.every((o) => o.ccproxy === 'v0')).toBe(true);
  });

  it('counts tokens once: provider and anthropic_response lines carry none in their common fields', () => {
    const out = run(FULL);
    const inputSum = out.reduce((s, o) => s + (o.common.inputTokens ?? 0), 0);
    const outputSum = out.reduce((s, o) => s + (o.common.outputTokens ?? 0), 0);
    expect([inputSum, outputSum]).toEqual([1530, 211]);
    expect(out[2].common).toMatchObject({ inputTokens: null, outputTokens: null, durationMs: null, requestId: null });
    expect(out[2].fields.prompt_tokens).toBe(1530);
  });

  it('interleaved requests join by id, not by order', () => {
    const out = run([
      v0.anthropicRequest(ID_A, 'groq', 'model-a'),
      v0.anthropicRequest(ID_B, 'openai', 'model-b'),
      v0.providerRequest(),
      v0.providerRequest('openai'),
      v0.providerResponse('openai', 5, 6),
      v0.anthropicResponse(ID_B, 5, 6),
      v0.providerResponse(),
      v0.anthropicResponse(ID_A, 100, 200),
      v0.httpRequest(ID_B, 200, 300),
      v0.httpRequest(ID_A, 200, 900),
    ]);
    expect(
      all(out).map((r) => [r.requestId, r.provider, r.model, r.inputTokens, r.outputTokens, r.durationMs]),
    ).toEqual([
      [ID_B, 'openai', 'model-b', 5, 6, 300],
      [ID_A, 'groq', 'model-a', 100, 200, 900],
    ]);
  });

  it('a provider 429 marks the request in flight as rate limited, even when the client gets 502', () => {
    const out = run([
      v0.anthropicRequest(ID_A),
      v0.providerRequest(),
      v0.providerError('Groq', 429),
      v0.failedCall(),
      v0.httpRequest(ID_A, 502, 1200),
    ]);
    const requests = all(out);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ status: 502, rateLimited: true, durationMs: 1200, provider: 'groq' });
    expect(out[2].request).toBeUndefined();
    expect(out[2].common.status).toBeNull();
  });

  it('a provider 500 is not rate limiting', () => {
    const requests = all(
      run([v0.anthropicRequest(ID_A), v0.providerError('Groq', 500), v0.httpRequest(ID_A, 500, 10)]),
    );
    expect(requests[0]).toMatchObject({ status: 500, rateLimited: false });
  });

  it('without http_request, anthropic_response completes the request after 50 more lines, exactly once', () => {
    const c = new LogCorrelator({ format: 'ccproxy' });
    const lines = [
      v0.anthropicRequest(ID_A),
      v0.anthropicResponse(ID_A),
      ...Array.from({ length: 60 }, () => v0.providerRequest()),
    ];
    const out = run(lines, c);
    const requests = all(out);
    expect(requests).toEqual([
      expect.objectContaining({
        requestId: ID_A,
        status: 200,
        durationMs: null,
        inputTokens: 1530,
        outputTokens: 211,
        completedBy: 'v0_anthropic_response',
        ts: Date.parse('2025-07-25T03:11:02.853Z'),
      }),
    ]);
    // Finalised on the 50th line after the response (index 1 + 50 + 1 = 52).
    expect(out.findIndex((o) => o.lateRequests)).toBe(52);
    // A very late http_request for the same id is ignored, not counted again.
    expect(c.process(v0.httpRequest(ID_A), AT + 100).request).toBeUndefined();
  });

  it('an idle source finalises by time through tick()', () => {
    const c = new LogCorrelator({ format: 'ccproxy' });
    run([v0.anthropicRequest(ID_A), v0.anthropicResponse(ID_A)], c);
    expect(c.tick(AT + 30_000)).toEqual([]);
    expect(c.tick(AT + 61_000)).toEqual([expect.objectContaining({ requestId: ID_A, inputTokens: 1530 })]);
    expect(c.tick(AT + 120_000)).toEqual([]);
  });

  it('http_request without a known id still counts (health checks, mid-stream start)', () => {
    const requests = all(run([v0.httpRequest(ID_B, 404, 3)]));
    expect(requests).toEqual([
      expect.objectContaining({ requestId: ID_B, status: 404, provider: null, inputTokens: null }),
    ]);
  });

  it('survives a restart between anthropic_response and http_request: one request, tokens once', () => {
    const first = new LogCorrelator({ format: 'auto' });
    const before = run(FULL.slice(0, 4), first);
    const { correlator: second } = LogCorrelator.fromJSON(JSON.parse(JSON.stringify(first.toJSON())), {
      format: 'auto',
    });
    const after = [second.process(FULL[4], AT + 10)];
    const requests = all([...before, ...after]);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      requestId: ID_A,
      inputTokens: 1530,
      outputTokens: 211,
      status: 200,
      durationMs: 845,
      provider: 'groq',
    });
    expect(second.toJSON().v0.pending).toEqual([]);
  });

  it('the fallback window survives a restart: finalised once, after the same number of lines', () => {
    const first = new LogCorrelator({ format: 'ccproxy' });
    run(
      [
        v0.anthropicRequest(ID_A),
        v0.anthropicResponse(ID_A),
        ...Array.from({ length: 20 }, () => v0.providerRequest()),
      ],
      first,
    );
    const { correlator: second } = LogCorrelator.fromJSON(first.toJSON(), { format: 'ccproxy' });
    const after = run(
      Array.from({ length: 40 }, () => v0.providerRequest()),
      second,
    );
    expect(all(after)).toHaveLength(1);
    expect(after.findIndex((o) => o.lateRequests)).toBe(30);
  });

  it('state is bounded: a flood of ids that never complete keeps at most maxPending', () => {
    const c = new LogCorrelator({ format: 'ccproxy', limits: { maxPending: 100 } });
    for (let i = 0; i < 5_000; i++) c.process(v0.anthropicRequest(`id-${i}`), AT + i);
    expect(c.toJSON().v0.pending.length).toBe(100);
    expect(c.droppedRequests).toBe(4_900);
    expect(JSON.stringify(c.toJSON()).length).toBeLessThan(100_000);
  });

  it('pending requests expire after pendingTtlMs', () => {
    const c = new LogCorrelator({ format: 'ccproxy', limits: { pendingTtlMs: 1_000 } });
    c.process(v0.anthropicRequest(ID_A), AT);
    c.process(v0.providerRequest(), AT + 2_000);
    expect(c.toJSON().v0.pending).toEqual([]);
    expect(c.process(v0.httpRequest(ID_A), AT + 2_001).request).toMatchObject({ provider: null });
  });
});
