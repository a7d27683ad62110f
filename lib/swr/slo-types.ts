import type { z } from 'zod';
import type { sloShape } from '@/lib/api/openapi/shapes-slos';
import type { sloInputSchema } from '@/lib/slo/slo-schema';

// An SLO as the browser sees it: inferred from the shape the server's answers are checked against.
export type Slo = z.infer<typeof sloShape>;
export type Sli = Slo['sli'];
/** What POST /api/v1/slos and PUT /api/v1/slos/{id} take. */
export type SloInput = z.input<typeof sloInputSchema>;
