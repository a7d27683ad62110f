import { describe, expect, it } from 'vitest';
import { type CompletedRequest, LogCorrelator, type ProcessedLine, type SourceFormat } from '@/lib/logs';
import { v1 } from './ccproxy-fixtures';

const AT = Date.UTC(2025, 6, 25, 3, 12);

function run(
  lines: string[],
  format: SourceFormat = 'auto',
  c = new LogCorrelator({ format }),
): { out: ProcessedLine[]; requests: CompletedRequest[]; c: LogCorrelator } {
  const out = lines.map((l, i) => c.process(l, AT + i));
  return { out, requests: out.flatMap((o) => (o.request ? [o.request] : [])), c };
}

describe('CCProxy v1', () => {
  it.each(['auto', 'ccproxy'] as const)(
    'one request per response, attributed to the last Routed line (%s)',
    (format) => {
      const { out, requests } = run([v1.started, v1.routed(), v1.streamed, v1.request(), v1.sent()], format);
      expect(requests).toEqual([
        {
          ts: Date.parse('2025-07-25T03:11:03.402Z'),
          status: 200,
          durationMs: 1284.511,
          provider: 'groq',
          model: 'moonshotai/kimi-k2-instruct',
          inputTokens: 312,
          outputTokens: null,
          requestId: null,
          rateLimited: false,
          method: 'POST',
          path: '/v1/messages',
          completedBy: 'v1_response',
          attrs: { client_ip: '127.0.0.1', user_agent: 'claude-cli/1.0.60' },
        },
      ]);
      expect(out[4]).toMatchObject({
        ccproxy: 'v1',
        level: 'info',
        message: 'HTTP response sent',
        common: { status: 200, durationMs: 1284.511, provider: 'groq' },
      });
    },
  );

  it('a 429 response error is rate limited; the Routed line is cleared after use', () => {
    const { requests } = run([
      v1.routed('openai', 'gpt-4o', 99),
      v1.request(),
      v1.error(0.412, 429),
      v1.request(),
      v1.sent(0.05, 200),
    ]);
    expect(requests.map((r) => [r.status, r.durationMs, r.provider, r.model, r.inputTokens, r.rateLimited])).toEqual([
      [429, 412, 'openai', 'gpt-4o', 99, true],
      [200, 50, null, null, null, false],
    ]);
  });

  it('the duration is seconds even when it is written as an integer', () => {
    const { requests, out } = run([v1.routed(), v1.sent(2, 502)]);
    expect(requests[0]).toMatchObject({ status: 502, durationMs: 2000 });
    expect(out[1].common.durationMs).toBe(2000);
  });

  it('the tokenizer error line is noise: not a request, not a failure, no status', () => {
    const { out, requests } = run([v1.noise, v1.routed(), v1.noise, v1.request(), v1.sent()]);
    expect(out[0]).toMatchObject({ noise: true, level: 'error', ccproxy: 'v1', common: { status: null } });
    expect(out[0].request).toBeUndefined();
    expect(requests).toHaveLength(1);
    expect(requests[0].provider).toBe('groq');
  });

  it('a /health poll between a Routed line and its response does not steal the attribution', () => {
    const { requests } = run([
      v1.routed('xai', 'grok-4'),
      v1.request('/health', 'GET'),
      v1.sent(0.001, 200),
      v1.request(),
      v1.sent(3.5, 200),
    ]);
    expect(requests.map((r) => [r.path, r.provider, r.model])).toEqual([
      ['/health', null, null],
      ['/v1/messages', 'xai', 'grok-4'],
    ]);
  });

  it('a stale Routed line (older than routedTtlMs) is not attributed', () => {
    const c = new LogCorrelator({ format: 'ccproxy', limits: { routedTtlMs: 1000 } });
    c.process(v1.routed(), AT);
    const r = c.process(v1.sent(), AT + 5000).request;
    expect(r).toMatchObject({ status: 200, provider: null, inputTokens: null });
  });

  it('survives a restart mid-request: state serialised after Routed, restored, exactly one attributed request', () => {
    const first = new LogCorrelator({ format: 'auto' });
    first.process(v1.routed('mistral', 'mistral-large', 777), AT);
    first.process(v1.request(), AT + 1);
    const stored = JSON.stringify(first.toJSON());
    const { correlator: second, restored } = LogCorrelator.fromJSON(stored, { format: 'auto' });
    expect(restored).toBe(true);
    const out = [second.process(v1.sent(0.25, 200), AT + 2), second.process(v1.sent(0.25, 200), AT + 3)];
    expect(out[0].request).toMatchObject({
      provider: 'mistral',
      model: 'mistral-large',
      inputTokens: 777,
      durationMs: 250,
      method: 'POST',
    });
    expect(out[1].request).toMatchObject({ provider: null });
  });

  it('corrupt or foreign stored state starts fresh instead of failing', () => {
    for (const bad of ['{not json', '{"version":99}', 42, { version: 1 }]) {
      const { correlator, restored } = LogCorrelator.fromJSON(bad);
      expect(restored).toBe(false);
      expect(correlator.process(v1.sent(), AT).request?.status).toBe(200);
    }
  });

  it('other JSON sources: a line with an HTTP status is one request; level:error lines without one are not', () => {
    const { requests } = run(
      [
        '{"level":"error","msg":"db timeout","time":"2026-11-27T10:00:00Z"}',
        '{"time_iso8601":"2026-11-27T10:00:00+00:00","request":"GET / HTTP/1.1","status":503,"request_time":0.2}',
      ],
      'json',
    );
    expect(requests).toEqual([
      expect.objectContaining({ status: 503, durationMs: 200, method: 'GET', path: '/', completedBy: 'status_line' }),
    ]);
  });
});
