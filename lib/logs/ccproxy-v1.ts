import type { CompletedRequest, ParsedLine } from './types';
import { asCount, asNumber, toMs } from './units';

export interface V1Routed {
  provider: string | null;
  model: string | null;
  inputTokens: number | null;
  receivedAt: number;
}

export interface V1State {
  /** The last "Routed to provider=…" line not yet consumed by a response. */
  routed: V1Routed | null;
  /** Method and path of the last `type:"request"` line: a response's own request line comes just before it. */
  lastRequest: { method: string | null; path: string | null; attrs?: Record<string, unknown> } | null;
}

export const NOISE_MESSAGE = 'Failed to count tokens in router middleware';
const ROUTED_PREFIX = 'Routed to provider=';
const ROUTED = /^Routed to provider=([^,]*), model=(.*?), tokens=(\d+)/;

export function emptyV1State(): V1State {
  return { routed: null, lastRequest: null };
}

export function isV1Response(f: Record<string, unknown>): boolean {
  return f.type === 'response' && (f.msg === 'HTTP response sent' || f.msg === 'HTTP response error');
}

export function isV1Line(f: Record<string, unknown>): boolean {
  const msg = f.msg;
  if (typeof msg !== 'string') return false;
  return (
    msg.startsWith(ROUTED_PREFIX) || msg === NOISE_MESSAGE || (f.type === 'request' && msg === 'HTTP request received')
  );
}

const NOT_CLIENT = new Set(['time', 'level', 'msg', 'method', 'path', 'type']);

/** The request line's own fields (user agent, client address, keys…), kept until its response. */
function clientFields(f: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) if (!NOT_CLIENT.has(k)) out[k] = v;
  return out;
}

export interface V1Outcome {
  request?: CompletedRequest;
  noise?: true;
}

/**
 * v1 joins by order: the response consumes the last pending Routed line of this source. A response
 * whose own request line shows a path outside `/v1/` (the dashboard's /health polls) leaves the
 * Routed line for the model request it belongs to. Routed lines older than `routedTtlMs` are
 * discarded rather than attributed to an unrelated request.
 */
export function processV1(state: V1State, line: ParsedLine, receivedAt: number, routedTtlMs: number): V1Outcome {
  const f = line.fields;
  const c = line.common;
  if (f.msg === NOISE_MESSAGE) return { noise: true };
  if (typeof f.msg === 'string' && f.msg.startsWith(ROUTED_PREFIX)) {
    const m = ROUTED.exec(f.msg);
    const provider = m?.[1] ? m[1] : null;
    const model = m?.[2] ? m[2] : null;
    state.routed = { provider, model, inputTokens: m ? asCount(m[3]) : null, receivedAt };
    c.provider = provider;
    c.model = model;
    return {};
  }
  if (f.type === 'request') {
    state.lastRequest = { method: c.method, path: c.path, attrs: clientFields(f) };
    return {};
  }
  if (!isV1Response(f)) return {};

  const own = state.lastRequest;
  state.lastRequest = null;
  let routed = state.routed;
  if (routed && receivedAt - routed.receivedAt > routedTtlMs) routed = state.routed = null;
  const isModelCall = !own || own.path === null || own.path.startsWith('/v1/');
  if (!isModelCall) routed = null;
  else state.routed = null;

  const seconds = asNumber(f.duration);
  const request: CompletedRequest = {
    ts: line.ts,
    status: c.status,
    // `duration` is seconds in v1 (milliseconds in v0): explicit here, not the generic heuristic.
    durationMs: seconds === null ? null : toMs(seconds, 's'),
    provider: routed ? routed.provider : null,
    model: routed ? routed.model : null,
    inputTokens: routed ? routed.inputTokens : null,
    outputTokens: null,
    requestId: null,
    rateLimited: c.status === 429,
    method: own ? own.method : null,
    path: own ? own.path : null,
    completedBy: 'v1_response',
  };
  if (own?.attrs) request.attrs = own.attrs;
  return { request };
}
