import { z } from 'zod';
import { InvalidInputError } from '@/lib/errors';
import { parseTime } from '@/lib/time/parse-time';

const instantError = (field: string) => `${field} must be a time: RFC 3339, epoch ms, or relative such as now+2h`;

// Syntax only (a mid-range `now`): the handler reads the time on the real clock with silenceTime().
const instant = (field: string) =>
  z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((v) => parseTime(v, Date.UTC(5000, 0, 1)) !== null, { error: instantError(field) });

/** `POST /api/v1/silences`, with Alertmanager's matcher shape; relative times count from the request's now. */
export const silenceInputSchema = z.strictObject({
  matchers: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'matchers: name must be a label name'),
        value: z.string().max(1_000),
        isRegex: z.boolean().default(false),
        isEqual: z.boolean().default(true),
      }),
    )
    .min(1, 'matchers: at least one matcher is needed')
    .max(20),
  starts_at: instant('starts_at').optional(),
  ends_at: instant('ends_at'),
  created_by: z.string().trim().min(1, 'created_by is required').max(200),
  comment: z.string().trim().min(1, 'comment is required').max(2_000),
});

/** A silence's `starts_at`/`ends_at` on the clock, in ms. */
export function silenceTime(field: 'starts_at' | 'ends_at', value: string, now: number): number {
  const ms = parseTime(value, now);
  if (ms === null)
    throw new InvalidInputError('invalid_request', `${field}: ${instantError(field)}`, [
      { path: field, message: instantError(field) },
    ]);
  return ms;
}
