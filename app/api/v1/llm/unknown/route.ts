import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { rangeOf } from '@/lib/api/params';
import { route } from '@/lib/api/route';
import { getLlmUnknown } from '@/lib/queries/get-llm-unknown';

// GET /api/v1/llm/unknown?from&to — models without a price and refused token counts: never silently 0.
export const GET = route(llmEndpoints.getLlmUnknown, ({ lookout, query }) => {
  const { from, to } = rangeOf(query, lookout.clock.now());
  return getLlmUnknown(lookout.readDb, from, to);
});
