import { SHIPPED_PRICES } from '@/lib/llm/prices';
import type { SimRequest } from './request-gen';

/** What the simulator charged per provider, model and client, as docs/llm-cost.md defines cost. */
export interface CostCell {
  requests: number;
  input_tokens: number;
  output_tokens: number;
  /** Priced requests' cost in USD; requests of a model without a price are counted in `unknown` instead. */
  cost_usd: number;
  unknown: number;
}

/** Keyed `provider|model|client`; client is '' where the format carries no client field (v0). */
export type CostTally = Record<string, CostCell>;

const PRICES = new Map(SHIPPED_PRICES.map((p) => [`${p.provider}|${p.model}`, p]));

/** The model and client Lookout sees: v1 logs the provider's model and the user agent; v0 the client's model. */
export function costKey(req: SimRequest, format: 'v1' | 'v0'): string {
  const model = format === 'v1' ? req.model : req.clientModel;
  const client = format === 'v1' ? req.userAgent.split(/[\s/]/, 1)[0] : '';
  return `${req.provider}|${model}|${client}`;
}

/** Charges one answered request: v1 logs input tokens only (priced for input), v0 both; failed calls cost nothing. */
export function recordCost(tally: CostTally, req: SimRequest, format: 'v1' | 'v0'): void {
  if (req.status >= 400) return;
  const key = costKey(req, format);
  const [provider, model] = key.split('|');
  const price = PRICES.get(`${provider}|${model}`) ?? PRICES.get(`${provider}|*`);
  const output = format === 'v0' ? req.outputTokens : 0;
  const cell = (tally[key] ??= { requests: 0, input_tokens: 0, output_tokens: 0, cost_usd: 0, unknown: 0 });
  cell.requests += 1;
  cell.input_tokens += req.inputTokens;
  cell.output_tokens += output;
  if (!price) cell.unknown += 1;
  else cell.cost_usd += (req.inputTokens * price.input + output * price.output) / 1e6;
}
