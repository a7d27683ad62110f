import { z } from 'zod';
import { parseTime } from './time-range';

const instant = (field: string, now: number) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const ms = parseTime(String(v), now);
    if (ms === null) {
      ctx.addIssue({ code: 'custom', message: `${field} must be a time: RFC 3339, epoch ms, or relative such as now+2h` });
      return z.NEVER;
    }
    return ms;
  });

/** `POST /api/v1/silences`, with Alertmanager's matcher shape; relative times count from `now`. */
export const silenceInputSchema = (now: number) => z.strictObject({
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
  starts_at: instant('starts_at', now).optional(),
  ends_at: instant('ends_at', now),
  created_by: z.string().trim().min(1, 'created_by is required').max(200),
  comment: z.string().trim().min(1, 'comment is required').max(2_000),
});
