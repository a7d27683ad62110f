import type { FamilyName } from './formats/family';
import type { WrapperKind } from './unwrap/types';

export type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** How one line was read. */
export type LineFormat = 'json' | 'logfmt' | 'text';

/** The `format` of a log source in the provisioning file. */
export type { SourceFormat } from './source-formats';

/** Why `ts` is `receivedAt` rather than the line's own time. */
export type TsIssue = 'missing' | 'unparseable' | 'future';

/** Why a line that started like a JSON object was read as text instead. */
export type JsonIssue = 'invalid' | 'too_deep';

/** Request-ish values mapped from their usual names and units; null when absent or of the wrong type. */
export interface CommonFields {
  status: number | null;
  durationMs: number | null;
  provider: string | null;
  model: string | null;
  requestId: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  method: string | null;
  path: string | null;
}

export interface ParsedLine {
  format: LineFormat;
  /** The format family recognised (docs/logs.md#formats); absent for plain JSON, logfmt and text. */
  family?: FamilyName;
  /** The container runtime's wrapper the line was taken out of (docs/logs.md#container-logs). */
  wrapper?: WrapperKind;
  /** Epoch milliseconds: the line's own time, or `receivedAt` when `tsFallback`. */
  ts: number;
  tsFallback: boolean;
  tsIssue: TsIssue | null;
  level: Level | null;
  message: string;
  /** The original fields as parsed (JSON values, or logfmt strings); `{}` for text. */
  fields: Record<string, unknown>;
  common: CommonFields;
  truncated: boolean;
  jsonIssue: JsonIssue | null;
}

export interface CompletedRequest {
  /** Epoch ms of the line that completed it. */
  ts: number;
  status: number | null;
  durationMs: number | null;
  provider: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  requestId: string | null;
  rateLimited: boolean;
  method: string | null;
  path: string | null;
  /** Which kind of line completed it; `anthropic_response` is the v0 fallback rule. */
  completedBy: 'status_line' | 'v1_response' | 'v0_http_request' | 'v0_anthropic_response';
  /** Fields of the line that names the client (v1: its request line), for attribution (docs/llm-cost.md). */
  attrs?: Record<string, unknown>;
}

export type CcproxyVersion = 'v0' | 'v1';

export interface ProcessedLine extends ParsedLine {
  /** Set when this line completes one client request. */
  request?: CompletedRequest;
  /**
   * v0 requests finalised on this line by the fallback rule (their `anthropic_response` came
   * earlier and no `http_request` followed within the window); each is counted exactly once.
   */
  lateRequests?: CompletedRequest[];
  /** A known-noise line: neither a request nor a failure (CCProxy's offline tokenizer error). */
  noise?: true;
  ccproxy?: CcproxyVersion;
}

export function emptyCommon(): CommonFields {
  return {
    status: null,
    durationMs: null,
    provider: null,
    model: null,
    requestId: null,
    inputTokens: null,
    outputTokens: null,
    method: null,
    path: null,
  };
}
