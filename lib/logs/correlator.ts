import { expireV0, isV0Line, processV0, type V0Limits } from './ccproxy-v0';
import { isV1Line, isV1Response, processV1 } from './ccproxy-v1';
import {
  type CorrelatorState,
  deserializeState,
  emptyLiveState,
  type LiveState,
  serializeState,
} from './correlator-state';
import { applyExtractionRules, type CompiledRule } from './extraction-rules';
import type { LineContext } from './formats/clock';
import { parseLine } from './parse-line';
import type { CcproxyVersion, CompletedRequest, ProcessedLine, SourceFormat } from './types';
import { applyWrapper } from './unwrap/apply';
import type { WrapperFacts } from './unwrap/types';

export interface CorrelatorLimits extends V0Limits {
  /** A v1 "Routed to" line older than this (receivedAt) is not attributed to a later response. */
  routedTtlMs: number;
}

export const DEFAULT_LIMITS: CorrelatorLimits = {
  maxPending: 1_000,
  pendingTtlMs: 10 * 60_000,
  finalizeAfterLines: 50,
  finalizeAfterMs: 60_000,
  recentIds: 1_024,
  routedTtlMs: 15 * 60_000,
};

export interface CorrelatorOptions {
  format?: SourceFormat;
  /** IANA zone of times the source writes without one; UTC when absent. */
  timezone?: string | null;
  rules?: readonly CompiledRule[];
  limits?: Partial<CorrelatorLimits>;
}

function detectVersion(f: Record<string, unknown>): CcproxyVersion | null {
  if (isV1Response(f) || isV1Line(f)) return 'v1';
  if (isV0Line(f)) return 'v0';
  return null;
}

function requestFromStatus(line: ProcessedLine): CompletedRequest {
  const c = line.common;
  return {
    ts: line.ts,
    status: c.status,
    durationMs: c.durationMs,
    provider: c.provider,
    model: c.model,
    inputTokens: c.inputTokens,
    outputTokens: c.outputTokens,
    requestId: c.requestId,
    rateLimited: c.status === 429,
    method: c.method,
    path: c.path,
    completedBy: 'status_line',
  };
}

/** On CCProxy lines, per-line numbers live only where a request completes, so summing lines never double-counts. */
function alignCommon(line: ProcessedLine, request: CompletedRequest | undefined): void {
  const c = line.common;
  if (request) {
    c.status = request.status;
    c.durationMs = request.durationMs;
    c.provider = request.provider ?? c.provider;
    c.model = request.model ?? c.model;
    c.inputTokens = request.inputTokens;
    c.outputTokens = request.outputTokens;
    c.requestId = request.requestId;
  } else {
    c.status = c.durationMs = c.inputTokens = c.outputTokens = null;
  }
}

/**
 * Stateful per-source line processor: parses, applies extraction rules, and correlates CCProxy
 * v0/v1 lines into exactly one CompletedRequest per client request. For other sources a line
 * with an HTTP status (an access-log line) is one request. State is bounded and round-trips
 * through `toJSON()` / `LogCorrelator.fromJSON()`.
 */
export class LogCorrelator {
  private readonly format: SourceFormat;
  private readonly rules: readonly CompiledRule[];
  private readonly limits: CorrelatorLimits;
  private state: LiveState;
  private readonly context: LineContext;

  constructor(options: CorrelatorOptions = {}, state?: LiveState) {
    this.format = options.format ?? 'auto';
    this.context = { receivedAt: 0, timezone: options.timezone ?? null };
    this.rules = options.rules ?? [];
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.state = state ?? emptyLiveState();
  }

  /** Restores a stored state; a missing or corrupt one starts fresh (`restored` says which). */
  static fromJSON(stored: unknown, options: CorrelatorOptions = {}): { correlator: LogCorrelator; restored: boolean } {
    const state = stored === null || stored === undefined ? null : deserializeState(stored);
    return { correlator: new LogCorrelator(options, state ?? undefined), restored: state !== null };
  }

  toJSON(): CorrelatorState {
    return serializeState(this.state);
  }

  /** Requests the v0 fallback finalises by time alone: call on idle sources (same clock as receivedAt). */
  tick(now: number): CompletedRequest[] {
    return expireV0(this.state.v0, now, this.limits);
  }

  /** v0 requests opened but never completed and discarded by the bounds. */
  get droppedRequests(): number {
    return this.state.v0.dropped;
  }

  process(
    raw: string,
    receivedAt: number,
    options: { truncated?: boolean; wrapper?: WrapperFacts } = {},
  ): ProcessedLine {
    const lineFormat = this.format === 'auto' || this.format === 'ccproxy' ? 'auto' : this.format;
    const line: ProcessedLine = parseLine(raw, receivedAt, {
      format: lineFormat,
      truncated: options.truncated,
      context: this.context,
    });
    if (options.wrapper) applyWrapper(line, options.wrapper);
    if (this.rules.length > 0) applyExtractionRules(this.rules, line);
    const ccproxyPossible = (this.format === 'auto' || this.format === 'ccproxy') && line.format === 'json';
    const version = ccproxyPossible ? detectVersion(line.fields) : null;
    if (version) this.state.detected = version;
    const ccproxy = version ?? (this.format === 'ccproxy' || this.state.detected ? this.state.detected : null);

    if (ccproxy === 'v1') {
      const outcome = processV1(this.state.v1, line, receivedAt, this.limits.routedTtlMs);
      line.ccproxy = 'v1';
      if (outcome.noise) line.noise = true;
      if (outcome.request) line.request = outcome.request;
      alignCommon(line, outcome.request);
    } else if (ccproxy === 'v0') {
      const request = processV0(this.state.v0, line, receivedAt, this.limits);
      line.ccproxy = 'v0';
      if (request) line.request = request;
      alignCommon(line, request);
    } else if (line.common.status !== null && this.format !== 'ccproxy') {
      line.request = requestFromStatus(line);
    }
    if (line.request && !line.request.attrs) line.request.attrs = line.fields;
    const late = this.state.v0.pending.size > 0 ? expireV0(this.state.v0, receivedAt, this.limits) : [];
    if (late.length > 0) line.lateRequests = late;
    return line;
  }
}
