import { z } from 'zod';

const fieldName = z.string().trim().min(1).max(200);

/** Per log source: which field names the client (tool) and the user of a request (docs/llm-cost.md#attribution). */
export const attributionSchema = z.strictObject({
  client: fieldName.optional(),
  user: fieldName.optional(),
  /** A field holding an API key: only its hash is kept, as the client when no client field is set. */
  key: fieldName.optional(),
});

export type AttributionMapping = z.infer<typeof attributionSchema>;
