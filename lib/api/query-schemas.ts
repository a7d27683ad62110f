import { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';
import { parseTime } from './time-range';

/**
 * One zod schema per query parameter: the parsers in params.ts and stats-params.ts validate with these,
 * and the OpenAPI document is generated from them, so the two cannot drift apart.
 */
export const timeParam = z
  .string()
  .max(64)
  // Syntax only (a mid-range `now`); the parser applies the real clock and the 1970…9999 bounds.
  .refine((s) => parseTime(s, Date.UTC(5000, 0, 1)) !== null)
  .meta({ description: 'RFC 3339, epoch milliseconds, or relative: now, now-15m, now-24h, now-7d.', examples: ['now-1h', '2026-01-01T00:00:00Z', '1767225600000'] });

export const limitParam = (max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/)
    .refine((s) => Number(s) >= 1 && Number(s) <= max)
    .meta({ description: `Whole number from 1 to ${max}; default ${fallback}.`, examples: [String(fallback)] });

export const stepParam = z
  .string()
  .refine((s) => {
    const ms = /^\d{1,12}$/.test(s) ? Number(s) : parseDuration(s);
    return ms !== null && ms >= 10_000 && ms % 10_000 === 0;
  })
  .meta({ description: 'Bucket width: a multiple of 10s as a duration (1m, 1h) or milliseconds; default about 120 points.', examples: ['1m'] });

export const textParam = z
  .string()
  .max(200)
  .refine((s) => !s.includes('\0'))
  .meta({ description: 'Exact name to filter by (at most 200 characters).' });

export const enumParam = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z.enum(values).meta({ description: `One of ${values.join(', ')}; default ${fallback}.` });

export const queryParam = z
  .string()
  .max(2_000)
  .meta({ description: 'Free text, "quoted phrases", field:value terms (level:error, status:>=500, provider:groq), -negation.', examples: ['status:>=500 provider:groq'] });

export const cursorParam = z.string().max(200).meta({ description: 'next_cursor from the previous page.' });

export const sourceNameParam = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/)
  .meta({ description: 'The log source these lines come from (letters, digits, _ . : -).', examples: ['ccproxy'] });

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** True when `raw` passes `schema`: the parsers keep their own messages, which name the parameter. */
export const passes = (schema: z.ZodType, raw: string): boolean => schema.safeParse(raw).success;
