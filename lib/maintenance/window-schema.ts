import { z } from 'zod';
import { timeIntervalSchema } from '@/lib/alerting/time-intervals';
import { parseDuration } from '@/lib/config/duration';
import { jobNameSchema } from '@/lib/config/job-name';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const MAX_SPAN_MS = 366 * 86_400_000;

const instant = (field: string) =>
  z
    .union([z.string(), z.number()])
    .transform((v, ctx) => {
      const ms = typeof v === 'number' ? v : RFC3339.test(v.trim()) ? Date.parse(v.trim()) : Number.NaN;
      if (!Number.isSafeInteger(ms) || ms < 0) {
        ctx.addIssue({ code: 'custom', message: `${field} must be an RFC 3339 time such as 2026-12-05T22:00:00Z` });
        return z.NEVER;
      }
      return ms;
    })
    .meta({ description: 'RFC 3339, or epoch milliseconds' });

/** Alertmanager's time_intervals entries, kept as written (to show and edit them) once they validate. */
const scheduleSchema = z
  .array(z.record(z.string(), z.unknown()))
  .min(1, 'give at least one time interval, or leave time_intervals out for a one-off window')
  .max(20)
  .superRefine((list, ctx) => {
    list.forEach((raw, i) => {
      const r = timeIntervalSchema.safeParse(raw);
      if (!r.success)
        for (const issue of r.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: [i, ...issue.path] });
    });
  })
  .meta({
    description: "Alertmanager's time_intervals entries: times, weekdays, days_of_month, months, years, location",
  });

export const maintenanceInputSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'name is required')
      .max(200, 'at most 200 characters')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'must be one line'),
    targets: z
      .union([z.literal('all'), z.array(jobNameSchema).min(1, 'name at least one target, or say "all"').max(500)])
      .meta({ description: 'target names, or "all"' }),
    starts_at: instant('starts_at').optional(),
    ends_at: instant('ends_at').optional(),
    duration: z
      .string()
      .refine((s) => (parseDuration(s) ?? 0) > 0, 'duration must be a duration such as 30m or 2h')
      .optional()
      .meta({ description: 'instead of ends_at: how long after starts_at the window ends' }),
    time_intervals: scheduleSchema.optional(),
    reason: z.string().trim().max(500, 'at most 500 characters').optional(),
  })
  .superRefine((w, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (w.ends_at !== undefined && w.duration !== undefined) issue('duration', 'give ends_at or duration, not both');
    const recurring = w.time_intervals !== undefined;
    if (!recurring && w.starts_at === undefined) issue('starts_at', 'a one-off window needs starts_at');
    if (!recurring && w.ends_at === undefined && w.duration === undefined)
      issue('ends_at', 'a one-off window needs ends_at or duration');
    const end =
      w.ends_at ??
      (w.duration && w.starts_at !== undefined ? w.starts_at + (parseDuration(w.duration) ?? 0) : undefined);
    if (end !== undefined && w.starts_at !== undefined) {
      if (end <= w.starts_at) issue('ends_at', 'ends_at must be after starts_at');
      else if (!recurring && end - w.starts_at > MAX_SPAN_MS)
        issue('ends_at', 'a one-off window lasts at most 366 days');
    }
  });

export type MaintenanceBody = z.output<typeof maintenanceInputSchema>;

/** A window as stored: `targets` null means every target; `schedule` null means one-off; `endsAt` null, no end. */
export interface MaintenanceInput {
  name: string;
  targets: string[] | null;
  startsAt: number;
  endsAt: number | null;
  schedule: Record<string, unknown>[] | null;
  reason: string;
}

/** The body with its defaults: a recurring window without starts_at has applied since ever (0). */
export function normalizeMaintenance(b: MaintenanceBody): MaintenanceInput {
  const startsAt = b.starts_at ?? 0;
  const endsAt = b.ends_at ?? (b.duration ? startsAt + (parseDuration(b.duration) ?? 0) : null);
  return {
    name: b.name,
    targets: b.targets === 'all' ? null : [...new Set(b.targets)],
    startsAt,
    endsAt,
    schedule: b.time_intervals ?? null,
    reason: b.reason ?? '',
  };
}
