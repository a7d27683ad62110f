import type { PriceEntry } from './prices';

/** More tokens than any model's context holds in one request: a broken counter, not usage. */
export const MAX_TOKENS_PER_REQUEST = 10_000_000;

export type Price = Pick<PriceEntry, 'input' | 'output' | 'cached_input' | 'per_request' | 'per_hour'>;

export type CostOutcome =
  | { kind: 'priced'; usd: number; inputOnly: boolean }
  | { kind: 'unknown' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'none' };

export interface TokenCounts {
  inputTokens: number | null;
  outputTokens: number | null;
  cachedTokens?: number | null;
}

/** Why a request's token counts cannot be used, or null when they can. */
export function tokenProblem(t: TokenCounts): string | null {
  for (const [name, v] of [
    ['input_tokens', t.inputTokens],
    ['output_tokens', t.outputTokens],
    ['cached_tokens', t.cachedTokens ?? null],
  ] as const) {
    if (v === null) continue;
    if (!Number.isInteger(v) || v < 0) return `${name} is ${v}: token counts are whole numbers ≥ 0`;
    if (v > MAX_TOKENS_PER_REQUEST) return `${name} is ${v}: more than ${MAX_TOKENS_PER_REQUEST} in one request`;
  }
  return null;
}

/**
 * The cost of one request in USD. Requests without tokens have none; a model without a price is
 * "unknown" (never 0); a request whose format logs no output tokens is priced for its input only.
 */
export function costOf(price: Price | undefined, t: TokenCounts): CostOutcome {
  if (t.inputTokens === null && t.outputTokens === null) return { kind: 'none' };
  const problem = tokenProblem(t);
  if (problem) return { kind: 'rejected', reason: problem };
  if (!price) return { kind: 'unknown' };
  const cached = Math.min(t.cachedTokens ?? 0, t.inputTokens ?? 0);
  const fresh = (t.inputTokens ?? 0) - cached;
  const usd =
    (fresh * price.input + cached * (price.cached_input ?? price.input) + (t.outputTokens ?? 0) * price.output) / 1e6 +
    (price.per_request ?? 0);
  return { kind: 'priced', usd, inputOnly: t.outputTokens === null };
}
