import type { Clock } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { llmUsageStore, usageDay } from '@/lib/targets/llm-usage-store';
import { defaultConditionFailure, firstFailure } from './conditions';
import { streamCompletion } from './llm-stream';
import { describeError, formatTimeout } from './probe-errors';
import type { LlmSpec, ProbeResult } from './types';

export type LlmProber = (spec: LlmSpec, clock: Clock) => Promise<ProbeResult>;

const BACKOFF_BASE_MS = 60_000;
const BACKOFF_MAX_MS = 3_600_000;
const ANTHROPIC_VERSION = '2023-06-01';

/** The request body: the smallest completion there is (one output token), streamed to time the first token. */
export function llmRequestBody(spec: Pick<LlmSpec, 'api' | 'model'>): string {
  return JSON.stringify({
    model: spec.model,
    max_tokens: 1,
    stream: true,
    messages: [{ role: 'user', content: 'ping' }],
  });
}

function authHeaders(spec: LlmSpec): Record<string, string> {
  const h: Record<string, string> = spec.api === 'anthropic' ? { 'anthropic-version': ANTHROPIC_VERSION } : {};
  if (spec.apiKey) {
    if (spec.api === 'anthropic') h['x-api-key'] = spec.apiKey;
    else h.authorization = `Bearer ${spec.apiKey}`;
  }
  return { ...h, ...spec.headers };
}

const header = (h: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

function firstNumber(h: Record<string, string | string[] | undefined>, names: string[]): number | undefined {
  for (const n of names) {
    const v = Number(header(h, n));
    if (header(h, n) !== undefined && Number.isFinite(v)) return v;
  }
  return undefined;
}

/** `retry-after` as seconds: a number of seconds or an HTTP date. */
export function retryAfterSeconds(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}

/** The key must never reach a reason, even when a provider echoes it back in an error message. */
function redact(text: string, key: string | null): string {
  return key && key.length >= 4 ? text.split(key).join('[redacted]') : text;
}

interface Backoff {
  until: number;
  refusals: number;
}

/**
 * Synthetic llm checks: one minimal streamed completion per check, capped at max_requests_per_day (counted in
 * the database), with backoff after a refused key (1 min doubling to 1 h) and after a 429 (its retry-after).
 */
export function createLlmProber(db: Db): LlmProber {
  const usage = llmUsageStore(db);
  const backoff = new Map<number, Backoff>();
  return async (spec, clock) => {
    const ts = clock.now();
    const day = usageDay(ts);
    const base = { ts, statusCode: null, latencyMs: 0, gauges: {} };
    const wait = backoff.get(spec.targetId);
    // Backing off: no request and no new check, so the target keeps the state (and reason) of the last one.
    if (wait && ts < wait.until) return { ...base, up: false, error: null, skip: true };
    const used = usage.used(spec.targetId, day);
    if (used >= spec.maxRequestsPerDay) return { ...base, up: false, error: null, skip: true };
    usage.count(spec.targetId, day);
    const metrics: Record<string, number> = { probe_llm_requests_today: used + 1 };
    const controller = new AbortController();
    const started = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout');
        controller.abort();
      }, spec.timeoutMs);
    });
    let outcome: Awaited<ReturnType<typeof streamCompletion>> | 'timeout' | { error: string };
    try {
      outcome = await Promise.race([
        streamCompletion({
          url: new URL(spec.url),
          headers: authHeaders(spec),
          body: llmRequestBody(spec),
          api: spec.api,
          signal: controller.signal,
        }),
        timeout,
      ]);
    } catch (err) {
      outcome = { error: describeError(err, new URL(spec.url).hostname) };
    }
    clearTimeout(timer);
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    if (outcome === 'timeout')
      return { ...base, latencyMs, up: false, error: `timeout after ${formatTimeout(spec.timeoutMs)}`, metrics };
    if ('error' in outcome) return { ...base, latencyMs, up: false, error: outcome.error, metrics };

    const { status, headers } = outcome;
    const remainingRequests = firstNumber(headers, [
      'x-ratelimit-remaining-requests',
      'anthropic-ratelimit-requests-remaining',
    ]);
    const remainingTokens = firstNumber(headers, [
      'x-ratelimit-remaining-tokens',
      'anthropic-ratelimit-tokens-remaining',
      'anthropic-ratelimit-output-tokens-remaining',
    ]);
    const retryAfter = retryAfterSeconds(header(headers, 'retry-after'), ts);
    if (remainingRequests !== undefined) metrics.probe_llm_ratelimit_remaining_requests = remainingRequests;
    if (remainingTokens !== undefined) metrics.probe_llm_ratelimit_remaining_tokens = remainingTokens;
    if (retryAfter !== undefined) metrics.probe_llm_retry_after_seconds = retryAfter;
    metrics.probe_llm_rate_limited = status === 429 ? 1 : 0;
    if (outcome.ttftMs !== null) metrics.probe_llm_ttft_seconds = outcome.ttftMs / 1000;
    const result = { ...base, statusCode: status, latencyMs, metrics };
    const detail = outcome.errorText ? `: ${redact(outcome.errorText, spec.apiKey)}` : '';

    if (status === 401 || status === 403) {
      const refusals = (wait?.refusals ?? 0) + 1;
      const delay = Math.min(BACKOFF_BASE_MS * 2 ** (refusals - 1), BACKOFF_MAX_MS);
      backoff.set(spec.targetId, { until: ts + delay, refusals });
      return {
        ...result,
        up: false,
        error: `API key refused (${status})${detail}; next try in ${formatTimeout(delay)}`,
      };
    }
    if (status === 429) {
      const delay = retryAfter !== undefined ? retryAfter * 1000 : BACKOFF_BASE_MS;
      backoff.set(spec.targetId, { until: ts + delay, refusals: 0 });
      const after = retryAfter !== undefined ? `, retry after ${formatTimeout(retryAfter * 1000)}` : '';
      return { ...result, up: false, error: `rate limited (429)${after}${detail}` };
    }
    backoff.delete(spec.targetId);
    if (status < 200 || status >= 300) return { ...result, up: false, error: `HTTP ${status}${detail}` };
    if (outcome.ttftMs === null)
      return { ...result, up: false, error: 'the stream ended without a content event (no token came)' };
    const response = { status, latencyMs, json: undefined, bodyText: '', connected: true };
    const error =
      spec.conditions.length === 0 ? defaultConditionFailure(status) : firstFailure(spec.conditions, response);
    return { ...result, up: error === null, error };
  };
}
