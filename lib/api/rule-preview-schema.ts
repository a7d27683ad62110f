import { z } from 'zod';

/** `POST /api/v1/rules/preview`: a PromQL expression to evaluate now. */
export const rulePreviewSchema = z.strictObject({ expr: z.string().trim().min(1, 'expr is required').max(4_000) });
