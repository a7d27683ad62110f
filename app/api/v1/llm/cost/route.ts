import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getLlmCost } from '@/lib/queries/get-llm-cost';

// GET /api/v1/llm/cost?from&to&by — cost and tokens per provider, model, client, user or day, from the cost rollups.
export const GET = route(llmEndpoints.getLlmCost, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  const { source, provider, model, client } = query;
  return getLlmCost(lookout.readDb, from, to, query.by ?? 'provider', { source, provider, model, client });
});
