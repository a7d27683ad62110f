import type { Db } from '@/lib/db/connection';
import { addCost, type CostFilters, costAgg, emptyCost, shapeCost } from './llm-cost-sql';

export const COST_GROUPS = ['provider', 'model', 'client', 'user', 'day', 'none'] as const;
export type CostGroup = (typeof COST_GROUPS)[number];

const DAY = 86_400_000;
const GROUP_SQL: Record<CostGroup, string> = {
  provider: 'provider',
  model: 'provider || char(0) || model',
  client: 'client',
  user: 'user',
  day: `(ts / ${DAY}) * ${DAY}`,
  none: "'all'",
};

/** Cost and tokens over [from, to) per provider, model, client, user or UTC day, dearest first (days in order). */
export function getLlmCost(db: Db, from: number, to: number, by: CostGroup, filters: CostFilters) {
  const groups = costAgg(db, from, to, GROUP_SQL[by], filters);
  const total = emptyCost();
  const rows = [...groups].map(([k, a]) => {
    addCost(total, a);
    const [provider, model] = by === 'model' ? k.split('\0') : [by === 'provider' ? k : null, null];
    const key =
      by === 'day' ? new Date(Number(k)).toISOString().slice(0, 10) : by === 'model' ? `${provider}/${model}` : k;
    return { key, provider: provider ?? null, model: model ?? null, ...shapeCost(a) };
  });
  rows.sort((x, y) =>
    by === 'day'
      ? x.key.localeCompare(y.key)
      : (y.cost_usd ?? -1) - (x.cost_usd ?? -1) || y.input_tokens - x.input_tokens,
  );
  return { data: rows, totals: shapeCost(total) };
}
