import type { z } from 'zod';
import type {
  budgetShape,
  clientRowShape,
  costAnswerShape,
  priceShape,
  unknownAnswerShape,
} from '@/lib/api/openapi/shapes-llm';

// The LLM cost answers as the browser sees them, inferred from the shapes the server is checked against.
export type CostAnswer = z.infer<typeof costAnswerShape>;
export type CostRow = CostAnswer['data'][number];
export type ClientRow = z.infer<typeof clientRowShape>;
export type UnknownAnswer = z.infer<typeof unknownAnswerShape>;
export type LlmPrice = z.infer<typeof priceShape>;
export type LlmBudget = z.infer<typeof budgetShape>;
export type CostGroup = 'provider' | 'model' | 'client' | 'user' | 'day' | 'none';
