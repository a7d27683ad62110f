import type { CompletedRequest } from '@/lib/logs';

/** One parsed line, as the store takes it, with the client requests it completes (usually 0 or 1). */
export interface IngestRecord {
  ts: number;
  level: string | null;
  message: string;
  /** The original fields as JSON text; null for plain text. */
  fieldsJson: string | null;
  flags: number;
  /** What the row shows and search filters on: the line's own values, or its request's. */
  provider: string | null;
  model: string | null;
  status: number | null;
  durationMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  requestId: string | null;
  isRequest: boolean;
  requests: RequestFacts[];
}

/** A completed client request as the parser reports it, without what only the parser needs. */
export type RequestFacts = Pick<
  CompletedRequest,
  'ts' | 'status' | 'durationMs' | 'provider' | 'model' | 'inputTokens' | 'outputTokens' | 'rateLimited'
> & {
  method?: string | null;
  /** The path templated (`/users/:id`), for the per-route table. */
  route?: string | null;
  /** Who sent it, from the source's attribution mapping (docs/llm-cost.md#attribution). */
  client?: string | null;
  user?: string | null;
  /** Why its token counts were refused (negative, absurd); such a request gets no cost. */
  tokenIssue?: string | null;
};

export const FLAG_TS_FALLBACK = 1;
export const FLAG_TRUNCATED = 2;
export const FLAG_NOISE = 4;
export const FLAG_INVALID_JSON = 8;
export const FLAG_TOO_DEEP = 16;

export interface Rejection {
  line: number;
  reason: string;
  sample: string;
}
