import { describe, expect, it } from 'vitest';
import { type CommonFields, parseGoDuration, parseLine } from '@/lib/logs';

const RECEIVED = Date.UTC(2026, 10, 27, 12);
const common = (line: string): CommonFields => parseLine(line, RECEIVED).common;

describe('status', () => {
  it.each([
    ['{"status":200}', 200],
    ['{"status_code":503}', 503],
    ['{"statusCode":404}', 404],
    ['{"http.response.status_code":201}', 201],
    ['{"http":{"response":{"status_code":502}}}', 502],
    ['{"res":{"statusCode":204}}', 204],
    ['{"status":"429"}', 429],
    ['{"status":"two hundred"}', null],
    ['{"status":"healthy"}', null],
    ['{"status":200.5}', null],
    ['{"status":42}', null],
    ['{"status":true}', null],
    ['{"status":{"code":200}}', null],
    ['{"status":"healthy","status_code":200}', 200],
  ])('%s → %s', (line, status) => expect(common(line).status).toBe(status));
});

describe('duration units', () => {
  it.each([
    ['{"duration_ms":842}', 842],
    ['{"latency_ms":12.5}', 12.5],
    ['{"response_time":37}', 37],
    ['{"request_time":0.123}', 123],
    ['{"request_time":"1.250"}', 1250],
    ['{"event.duration":1500000}', 1.5],
    ['{"event":{"duration":2500000000}}', 2500],
    ['{"http.request.duration":3000000}', 3],
    ['{"duration_us":1500}', 1.5],
    ['{"latency":"12.3ms"}', 12.3],
    ['{"latency":"1.2s"}', 1200],
    ['{"latency":"1m2.5s"}', 62500],
    ['{"latency":"850µs"}', 0.85],
    ['{"elapsed":"3ns"}', 0.000003],
    // Ambiguous keys: fraction → seconds, integer → ms, integer ≥ 1e6 → ns.
    ['{"duration":1.284511}', 1284.511],
    ['{"duration":845}', 845],
    ['{"elapsed":0.5}', 500],
    ['{"duration":"0.5"}', 500],
    ['{"duration":12000000}', 12],
    ['{"httpRequest":{"latency":"0.250s"}}', 250],
    ['{"duration":"soon"}', null],
    ['{"duration":-5}', null],
    ['{"duration_ms":"NaN"}', null],
    ['{"duration_ms":842,"duration":9.9}', 842],
  ])('%s → %s ms', (line, ms) => expect(common(line).durationMs).toBe(ms));

  it.each([
    ['12.3ms', 12.3],
    ['1.5s', 1500],
    ['2h', 7_200_000],
    ['1h1m1s', 3_661_000],
    ['0', 0],
    ['5', null],
    ['1x', null],
    ['', null],
  ] as const)('parseGoDuration(%s)', (s, ms) => expect(parseGoDuration(s)).toBe(ms));
});

describe('provider, model, ids, tokens, method, path', () => {
  it('maps the usual names', () => {
    expect(
      common(
        '{"provider":"groq","model":"llama-3.3-70b","request_id":"abc","input_tokens":10,"output_tokens":"20","method":"post","path":"/v1/messages"}',
      ),
    ).toEqual({
      status: null,
      durationMs: null,
      provider: 'groq',
      model: 'llama-3.3-70b',
      requestId: 'abc',
      inputTokens: 10,
      outputTokens: 20,
      method: 'POST',
      path: '/v1/messages',
    });
    expect(
      common(
        '{"usage":{"prompt_tokens":5,"completion_tokens":6},"gen_ai.request.model":"gpt-4o","gen_ai.system":"openai"}',
      ),
    ).toMatchObject({ inputTokens: 5, outputTokens: 6, model: 'gpt-4o', provider: 'openai' });
  });

  it.each([
    ['{"request_id":"unknown"}', 'requestId', null],
    ['{"request_id":"-"}', 'requestId', null],
    ['{"reqId":17}', 'requestId', '17'],
    ['{"input_tokens":-1}', 'inputTokens', null],
    ['{"input_tokens":1.5}', 'inputTokens', null],
    ['{"output_tokens":"many"}', 'outputTokens', null],
    ['{"provider":42}', 'provider', null],
    ['{"method":"GET /x"}', 'method', null],
    ['{"model":""}', 'model', null],
  ] as const)('%s → %s %j', (line, key, value) => expect(common(line)[key]).toBe(value));
});
