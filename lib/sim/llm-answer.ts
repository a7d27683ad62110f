import type http from 'node:http';
import { PROVIDERS } from './catalog';
import { healthyProviders, inRateLimitBurst, type Phase } from './scenario';

export type CompletionApi = 'anthropic' | 'openai';

/** What the simulated proxy decides for one completion request, before any byte is written. */
export type CompletionAnswer =
  | { kind: 'error'; status: number; message: string; type: string; headers?: Record<string, string> }
  | { kind: 'stream'; provider: string; model: string; ttftMs: number; remaining: number };

export interface CompletionContext {
  phase: Phase;
  timeScale: number;
  authenticated: boolean;
  /** Multiplies the real delay before the first token (tests shrink it). */
  delayScale: number;
  /** Requests served so far to this provider, for a falling x-ratelimit-remaining-requests. */
  served: number;
}

const RATE_LIMIT_PER_MINUTE = 1000;

/**
 * The simulator's answer to POST /v1/messages or /v1/chat/completions, following the incident timeline:
 * 502 for a provider that is down, 503 while the proxy is unavailable, 429 with retry-after in a burst,
 * a first token ten times slower in the latency spike.
 */
export function decideCompletion(model: unknown, ctx: CompletionContext): CompletionAnswer {
  if (!ctx.authenticated)
    return { kind: 'error', status: 401, type: 'authentication_error', message: 'invalid x-api-key' };
  const provider = PROVIDERS.find((p) => typeof model === 'string' && p.models.includes(model));
  if (!provider)
    return { kind: 'error', status: 400, type: 'invalid_request_error', message: `model ${String(model)} not found` };
  if (ctx.phase.name === 'unavailable')
    return {
      kind: 'error',
      status: 503,
      type: 'overloaded_error',
      message: 'pipeline unavailable: upstream returned 503',
    };
  const up = healthyProviders(
    ctx.phase,
    PROVIDERS.map((p) => p.name),
  );
  if (!up.has(provider.name))
    return {
      kind: 'error',
      status: 502,
      type: 'api_error',
      message: `provider request failed: ${provider.name}: connection refused`,
    };
  if (inRateLimitBurst(ctx.phase, ctx.timeScale)) {
    const left = 15_000 * ctx.timeScale - (ctx.phase.elapsedMs % (15_000 * ctx.timeScale));
    const retry = String(Math.max(1, Math.ceil(left / 1000)));
    return {
      kind: 'error',
      status: 429,
      type: 'rate_limit_error',
      message: `${provider.name} rate limit reached, retry after ${retry}s`,
      headers: { 'retry-after': retry, 'x-ratelimit-remaining-requests': '0' },
    };
  }
  const spike = ctx.phase.name === 'latency_spike' ? 10 : 1;
  return {
    kind: 'stream',
    provider: provider.name,
    model: model as string,
    ttftMs: provider.medianLatencyMs * 0.3 * spike * ctx.delayScale,
    remaining: Math.max(0, RATE_LIMIT_PER_MINUTE - (ctx.served % RATE_LIMIT_PER_MINUTE) - 1),
  };
}

function errorBody(api: CompletionApi, a: Extract<CompletionAnswer, { kind: 'error' }>): unknown {
  return api === 'anthropic'
    ? { type: 'error', error: { type: a.type, message: a.message } }
    : { error: { message: a.message, type: a.type, code: a.status === 401 ? 'invalid_api_key' : null } };
}

const sse = (event: string | null, data: unknown) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

function anthropicEvents(model: string, id: string): { first: string; rest: string } {
  const first =
    sse('message_start', {
      type: 'message_start',
      message: {
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 8, output_tokens: 1 },
      },
    }) +
    sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }) +
    sse('ping', { type: 'ping' });
  const rest =
    sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'pong' } }) +
    sse('content_block_stop', { type: 'content_block_stop', index: 0 }) +
    sse('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens', stop_sequence: null },
      usage: { output_tokens: 1 },
    }) +
    sse('message_stop', { type: 'message_stop' });
  return { first, rest };
}

function openaiEvents(model: string, id: string, created: number): { first: string; rest: string } {
  const chunk = (delta: Record<string, string>, finish: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  return {
    first: sse(null, chunk({ role: 'assistant', content: '' }, null)),
    rest: sse(null, chunk({ content: 'pong' }, null)) + sse(null, chunk({}, 'length')) + sse(null, '[DONE]'),
  };
}

/** Writes the answer: an error body, or the API's event stream with the first token after `ttftMs` (real time). */
export function writeCompletion(
  res: http.ServerResponse,
  api: CompletionApi,
  a: CompletionAnswer,
  nowMs: number,
  onDone: () => void,
): void {
  if (a.kind === 'error') {
    const text = JSON.stringify(errorBody(api, a));
    res.writeHead(a.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      ...a.headers,
    });
    res.end(text, onDone);
    return;
  }
  const id = `${api === 'anthropic' ? 'msg' : 'chatcmpl'}_sim${nowMs.toString(36)}`;
  const events =
    api === 'anthropic' ? anthropicEvents(a.model, id) : openaiEvents(a.model, id, Math.floor(nowMs / 1000));
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    'x-ratelimit-limit-requests': String(RATE_LIMIT_PER_MINUTE),
    'x-ratelimit-remaining-requests': String(a.remaining),
    'x-ratelimit-remaining-tokens': String(a.remaining * 100),
  });
  res.write(events.first);
  const timer = setTimeout(() => res.end(events.rest, onDone), a.ttftMs);
  res.on('close', () => clearTimeout(timer));
}
