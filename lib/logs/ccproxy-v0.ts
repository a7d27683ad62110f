import type { CompletedRequest, ParsedLine } from './types';
import { asCount, asNumber, toMs } from './units';

export interface V0Pending {
  provider: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  rateLimited: boolean;
  startedAt: number;
  /** Set by `anthropic_response`: its time, the source line number and receivedAt. */
  responded: { ts: number; seq: number; at: number } | null;
}

export interface V0State {
  seq: number;
  /** By request_id, in creation order (Map order is what expiry walks). */
  pending: Map<string, V0Pending>;
  /** Ids with an `anthropic_response` waiting for their `http_request`, oldest first. */
  awaiting: string[];
  /** Ids recently finalised by the fallback: a late `http_request` for them must not count again. */
  finalized: string[];
  /** The last `anthropic_request` still open: provider errors (request_id "unknown") belong to it. */
  inFlight: string | null;
  dropped: number;
}

export interface V0Limits {
  maxPending: number;
  pendingTtlMs: number;
  finalizeAfterLines: number;
  finalizeAfterMs: number;
  recentIds: number;
}

export function emptyV0State(): V0State {
  return { seq: 0, pending: new Map(), awaiting: [], finalized: [], inFlight: null, dropped: 0 };
}

const PROVIDER_ERROR = / API returned error$/;

export function isV0Line(f: Record<string, unknown>): boolean {
  return (
    f.type === 'api_action' || f.type === 'http_request' || (f.request_id === 'unknown' && typeof f.msg === 'string')
  );
}

function realId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && value !== 'unknown' ? value : null;
}

function fallbackRequest(id: string, p: V0Pending): CompletedRequest {
  const responded = p.responded ?? { ts: p.startedAt };
  // anthropic_response is only written once a provider answer was converted for the client: a 200.
  return {
    ts: responded.ts,
    status: 200,
    durationMs: null,
    provider: p.provider,
    model: p.model,
    inputTokens: p.inputTokens,
    outputTokens: p.outputTokens,
    requestId: id,
    rateLimited: p.rateLimited,
    method: null,
    path: null,
    completedBy: 'v0_anthropic_response',
  };
}

function remember(state: V0State, id: string, limits: V0Limits): void {
  state.finalized.push(id);
  if (state.finalized.length > limits.recentIds) state.finalized.splice(0, state.finalized.length - limits.recentIds);
}

/** Finalises or drops what has waited too long; `now` is receivedAt (the pipeline's clock, not the log's). */
export function expireV0(state: V0State, now: number, limits: V0Limits): CompletedRequest[] {
  const out: CompletedRequest[] = [];
  while (state.awaiting.length > 0) {
    const id = state.awaiting[0];
    const p = state.pending.get(id);
    if (
      p?.responded &&
      state.seq - p.responded.seq <= limits.finalizeAfterLines &&
      now - p.responded.at < limits.finalizeAfterMs
    )
      break;
    state.awaiting.shift();
    if (!p?.responded) continue;
    state.pending.delete(id);
    remember(state, id, limits);
    out.push(fallbackRequest(id, p));
  }
  for (const [id, p] of state.pending) {
    if (state.pending.size <= limits.maxPending && now - p.startedAt <= limits.pendingTtlMs) break;
    state.pending.delete(id);
    if (state.inFlight === id) state.inFlight = null;
    if (p.responded) {
      remember(state, id, limits);
      out.push(fallbackRequest(id, p));
    } else state.dropped++;
  }
  return out;
}

/**
 * v0: `anthropic_request` opens a request by id; `anthropic_response` adds tokens (the only token
 * source: `<provider>_response` lines have request_id "unknown" and would double them);
 * `http_request` completes it with status and duration (integer ms). If no `http_request` follows,
 * `expireV0` completes it from the `anthropic_response` once `finalizeAfterLines` more lines
 * were read or `finalizeAfterMs` passed, and remembers the id so a later `http_request` is ignored.
 */
export function processV0(
  state: V0State,
  line: ParsedLine,
  receivedAt: number,
  _limits: V0Limits,
): CompletedRequest | undefined {
  state.seq++;
  const f = line.fields;
  const c = line.common;
  const id = realId(f.request_id);
  const open = (key: string): V0Pending => {
    let p = state.pending.get(key);
    if (!p) {
      p = {
        provider: null,
        model: null,
        inputTokens: null,
        outputTokens: null,
        rateLimited: false,
        startedAt: receivedAt,
        responded: null,
      };
      state.pending.set(key, p);
    }
    return p;
  };
  if (f.type === 'http_request') {
    const duration = asNumber(f.duration);
    const p = id ? state.pending.get(id) : undefined;
    if (id) {
      if (state.finalized.includes(id)) return undefined;
      state.pending.delete(id);
      if (state.inFlight === id) state.inFlight = null;
    }
    return {
      ts: line.ts,
      status: c.status,
      durationMs: duration === null ? null : toMs(duration, 'ms'),
      provider: p ? p.provider : null,
      model: p ? p.model : null,
      inputTokens: p ? p.inputTokens : null,
      outputTokens: p ? p.outputTokens : null,
      requestId: id,
      rateLimited: c.status === 429 || (p ? p.rateLimited : false),
      method: c.method,
      path: c.path,
      completedBy: 'v0_http_request',
    };
  }
  if (id && f.action === 'anthropic_request' && !state.finalized.includes(id)) {
    const p = open(id);
    p.provider = c.provider;
    p.model = c.model;
    state.inFlight = id;
  } else if (id && f.action === 'anthropic_response' && !state.finalized.includes(id)) {
    const p = open(id);
    if (p.responded === null) {
      p.inputTokens = asCount(f.input_tokens);
      p.outputTokens = asCount(f.output_tokens);
      p.responded = { ts: line.ts, seq: state.seq, at: receivedAt };
      state.awaiting.push(id);
    }
  } else if (id === null && asCount(f.status_code) === 429 && typeof f.msg === 'string' && PROVIDER_ERROR.test(f.msg)) {
    const p = state.inFlight ? state.pending.get(state.inFlight) : undefined;
    if (p) p.rateLimited = true;
  }
  return undefined;
}
