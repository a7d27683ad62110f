import type { Db } from '@/lib/db/connection';
import { addCost, type CostAgg, type CostFilters, costAgg, emptyCost, shapeCost } from './llm-cost-sql';

/** Who spent it: clients over [from, to) by cost, then tokens, with their users and busiest model. */
export function getLlmClients(db: Db, from: number, to: number, filters: CostFilters, limit: number) {
  const rows = costAgg(db, from, to, 'client || char(0) || user || char(0) || provider || char(0) || model', filters);
  const clients = new Map<string, { agg: CostAgg; users: Set<string>; models: Map<string, number> }>();
  let total = 0;
  for (const [k, a] of rows) {
    const [client, user, provider, model] = k.split('\0');
    let c = clients.get(client);
    if (!c) clients.set(client, (c = { agg: emptyCost(), users: new Set(), models: new Map() }));
    addCost(c.agg, a);
    if (user) c.users.add(user);
    const m = `${provider}/${model}`;
    c.models.set(m, (c.models.get(m) ?? 0) + a.costUsd + a.inputTokens / 1e9);
    total += a.costUsd;
  }
  return [...clients]
    .map(([client, c]) => ({
      client: client || null,
      users: [...c.users].sort().slice(0, 20),
      top_model: [...c.models].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null,
      share: total > 0 ? Math.round((c.agg.costUsd / total) * 10_000) / 100 : null,
      ...shapeCost(c.agg),
    }))
    .sort(
      (x, y) =>
        (y.cost_usd ?? -1) - (x.cost_usd ?? -1) ||
        y.input_tokens + y.output_tokens - (x.input_tokens + x.output_tokens),
    )
    .slice(0, limit);
}
