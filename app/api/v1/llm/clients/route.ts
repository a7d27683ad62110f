import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getLlmClients } from '@/lib/queries/get-llm-clients';

// GET /api/v1/llm/clients?from&to&limit — who spent it: clients by cost, then tokens.
export const GET = route(llmEndpoints.getLlmClients, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  const { source, provider, model, client } = query;
  return { data: getLlmClients(lookout.readDb, from, to, { source, provider, model, client }, query.limit) };
});
