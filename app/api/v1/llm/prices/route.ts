import { llmEndpoints } from '@/lib/api/openapi/endpoints-llm';
import { route } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { deletePrice, listPrices, savePrice } from '@/lib/llm/price-store';

// GET /api/v1/llm/prices — the price table in force, shipped entries with their date and sources.
export const GET = route(llmEndpoints.listLlmPrices, ({ lookout }) => ({
  currency: 'USD' as const,
  data: listPrices(lookout.readDb),
}));

// POST /api/v1/llm/prices — sets one provider/model price (USD per 1M tokens).
export const POST = route(llmEndpoints.saveLlmPrice, ({ lookout, body }) => {
  savePrice(lookout.db, body, lookout.clock.now());
  const saved = listPrices(lookout.db).find((p) => p.provider === body.provider && p.model === body.model);
  if (!saved) throw new NotFoundError(`price of ${body.provider}/${body.model}`);
  return { data: saved };
});

// DELETE /api/v1/llm/prices?provider&model — drops an override.
export const DELETE = route(llmEndpoints.deleteLlmPrice, ({ lookout, query }) => {
  if (!deletePrice(lookout.db, query.provider, query.model))
    throw new NotFoundError(`price set in Lookout for ${query.provider}/${query.model}`);
});
