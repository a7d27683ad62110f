import { describe, expect, it } from 'vitest';
import { v0RequestLines } from '@/lib/sim/format-v0';
import { v1ProviderUnhealthyLine, v1RequestLines, v1StartupLine } from '@/lib/sim/format-v1';
import { formatLogrusTime, logrusLine, rfc3339Seconds } from '@/lib/sim/logrus';
import type { SimRequest } from '@/lib/sim/request-gen';

const base: SimRequest = {
  endMs: Date.parse('2025-07-25T03:11:03.402Z'),
  durationUs: 1_284_511,
  provider: 'groq',
  model: 'moonshotai/kimi-k2-instruct',
  clientModel: 'claude-3-5-sonnet-20241022',
  strategy: 'explicit model selection',
  status: 200,
  failure: null,
  inputTokens: 312,
  outputTokens: 211,
  streamedEvents: null,
  tokenCountNoise: false,
  responseSize: 1843,
  userAgent: 'claude-cli/1.0.60',
  maxTokens: 4096,
  messages: 3,
  tools: 12,
};

// Verbatim from docs/ccproxy-reference.md#log-lines-v1-current.
const V1_DOC = [
  '{"level":"info","msg":"Routed to provider=groq, model=moonshotai/kimi-k2-instruct, tokens=312, strategy=explicit model selection","time":"2025-07-25T03:11:02.117Z"}',
  '{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","time":"2025-07-25T03:11:03.402Z","type":"request","user_agent":"claude-cli/1.0.60"}',
  '{"duration":1.284511,"level":"info","msg":"HTTP response sent","size":1843,"status":200,"time":"2025-07-25T03:11:03.402Z","type":"response"}',
];
const V1_DOC_429 =
  '{"duration":0.412,"level":"error","msg":"HTTP response error","size":187,"status":429,"time":"2025-07-25T03:12:10.050Z","type":"response"}';

// From docs/ccproxy-reference.md#log-lines-v0-old; the doc elides times and the id tail with "…".
const V0_DOC = [
  '{"action":"anthropic_request","level":"info","max_tokens":4096,"messages":3,"model":"claude-3-5-sonnet-20241022","msg":"API action","provider":"groq","request_id":"6f1c2a9e-…","time":"…","tools":12,"type":"api_action"}',
  '{"action":"groq_request","level":"info","max_tokens":4096,"messages":3,"model":"llama-3.3-70b","msg":"API action","request_id":"unknown","time":"…","tools":12,"type":"api_action"}',
  '{"action":"groq_response","completion_tokens":211,"duration_ms":842,"finish_reason":"stop","level":"info","msg":"API action","prompt_tokens":1530,"request_id":"unknown","time":"…","total_tokens":1741,"type":"api_action"}',
  '{"action":"anthropic_response","content_blocks":1,"input_tokens":1530,"level":"info","msg":"API action","output_tokens":211,"request_id":"6f1c2a9e-…","stop_reason":"end_turn","time":"…","type":"api_action"}',
  '{"duration":845,"level":"info","method":"POST","msg":"HTTP request completed","path":"/v1/messages","request_id":"6f1c2a9e-…","status":200,"time":"…","type":"http_request"}',
];

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function keysSorted(line: string): boolean {
  const keys = Object.keys(JSON.parse(line) as object);
  return keys.join(',') === [...keys].sort().join(',');
}

describe('logrus line formatting', () => {
  it('uses millisecond RFC 3339 and sorted keys', () => {
    expect(formatLogrusTime(Date.parse('2025-07-25T03:11:03.4Z'))).toBe('2025-07-25T03:11:03.400Z');
    const line = logrusLine(0, 'warning', 'x', { zeta: 1, alpha: 'a' });
    expect(line).toBe('{"alpha":"a","level":"warning","msg":"x","time":"1970-01-01T00:00:00.000Z","zeta":1}');
    expect(rfc3339Seconds(Date.parse('2025-07-25T03:11:03.402Z'))).toBe('2025-07-25T03:11:03Z');
  });
});

describe('v1 format', () => {
  it('reproduces the documented request lines byte for byte', () => {
    expect(v1RequestLines(base)).toEqual(V1_DOC);
  });

  it('writes 429s at error level with duration in float seconds', () => {
    const req = {
      ...base,
      status: 429,
      failure: 'upstream' as const,
      durationUs: 412_000,
      responseSize: 187,
      endMs: Date.parse('2025-07-25T03:12:10.050Z'),
    };
    const lines = v1RequestLines(req);
    expect(lines.at(-1)).toBe(V1_DOC_429);
    expect(
      lines.some((l) =>
        (JSON.parse(l) as { msg: string }).msg.startsWith('Pipeline processing failed: provider request failed: '),
      ),
    ).toBe(true);
  });

  it('adds the token-count noise, streaming and other documented lines', () => {
    const lines = v1RequestLines({ ...base, tokenCountNoise: true, streamedEvents: 57 });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'Failed to count tokens in router middleware' });
    expect(JSON.parse(lines[2])).toMatchObject({ level: 'info', msg: 'Streamed 57 events to client' });
    expect(JSON.parse(v1StartupLine(0, 3456))).toEqual({
      level: 'info',
      msg: 'CCProxy started',
      port: 3456,
      time: '1970-01-01T00:00:00.000Z',
      type: 'startup',
      version: '1.8.3',
    });
    expect(JSON.parse(v1ProviderUnhealthyLine(0, 'groq', 3, 'server error: 503'))).toMatchObject({
      level: 'warning',
      msg: 'Provider groq marked unhealthy after 3 failures: server error: 503',
    });
    for (const l of lines) {
      expect(keysSorted(l)).toBe(true);
      expect((JSON.parse(l) as { time: string }).time).toMatch(TIME);
    }
  });
});

describe('v0 format', () => {
  const req = { ...base, model: 'llama-3.3-70b', inputTokens: 1530, outputTokens: 211, durationUs: 845_000 };

  it('matches the documented lines key for key, durations in integer ms', () => {
    const lines = v0RequestLines(req, '6f1c2a9e-…').map((l) => l.replace(/"time":"[^"]+"/, '"time":"…"'));
    expect(lines).toEqual(V0_DOC);
  });

  it('writes provider errors with status_code and no anthropic_response', () => {
    const lines = v0RequestLines({ ...req, status: 429, failure: 'upstream', outputTokens: 0 }, 'id-1').map(
      (l) => JSON.parse(l) as Record<string, unknown>,
    );
    expect(lines.find((l) => l.msg === 'Groq API returned error')).toMatchObject({
      level: 'error',
      status_code: 429,
      request_id: 'unknown',
    });
    expect(lines.find((l) => l.msg === 'Failed to call groq API')?.error).toMatch(/^groq provider error: HTTP 429: /);
    expect(lines.some((l) => l.action === 'anthropic_response')).toBe(false);
    expect(lines.at(-1)).toMatchObject({ type: 'http_request', status: 429, request_id: 'id-1', duration: 845 });
  });
});
