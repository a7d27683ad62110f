import { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';
import { decodeCursor } from '@/lib/queries/search-logs';
import { parseQuery } from '@/lib/search/parse-query';
import { parseTime } from '@/lib/time/parse-time';

/**
 * One zod schema per query parameter: route() parses the query with these and the OpenAPI document is
 * generated from them. Each carries the message a caller reads, named after the parameter by route().
 */
export const timeParam = z
  .string()
  .max(64, { error: (iss) => notATime(iss.input) })
  // Syntax only (a mid-range `now`); rangeOf() applies the real clock and the 1970…9999 bounds.
  .refine((s) => parseTime(s, Date.UTC(5000, 0, 1)) !== null, { error: (iss) => notATime(iss.input) })
  .meta({
    description: 'RFC 3339, epoch milliseconds, or relative: now, now-15m, now-24h, now-7d.',
    examples: ['now-1h', '2026-01-01T00:00:00Z', '1767225600000'],
  });

function notATime(input: unknown): string {
  return `"${String(input).slice(0, 64)}" is not a time; use RFC 3339, epoch milliseconds or now-15m.`;
}

/** A whole number from 1 to `max`, `fallback` when absent. */
export const limitParam = (max: number, fallback: number) => {
  const error = `must be a whole number from 1 to ${max}.`;
  return z
    .string()
    .regex(/^\d{1,7}$/, { error })
    .refine((s) => Number(s) >= 1 && Number(s) <= max, { error })
    .meta({ description: `Whole number from 1 to ${max}; default ${fallback}.`, examples: [String(fallback)] })
    .optional()
    .transform((s) => (s === undefined ? fallback : Number(s)));
};

const stepMs = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : parseDuration(s));
const STEP_ERROR = 'must be a multiple of 10s, such as 10s, 1m or 1h.';

/** A bucket width in ms; whether it suits the range is checked by stepOf() once the range is known. */
export const stepParam = z
  .string({ error: STEP_ERROR })
  .refine(
    (s) => {
      const ms = stepMs(s);
      return ms !== null && ms >= 10_000 && ms % 10_000 === 0;
    },
    { error: STEP_ERROR },
  )
  .meta({
    description: 'Bucket width: a multiple of 10s as a duration (1m, 1h) or milliseconds; default about 120 points.',
    examples: ['1m'],
  })
  .transform((s) => stepMs(s) as number);

const TEXT_ERROR = 'must be at most 200 characters, without NUL bytes.';
export const textParam = z
  .string()
  .max(200, { error: TEXT_ERROR })
  .refine((s) => !s.includes('\0'), { error: TEXT_ERROR })
  .meta({ description: 'Exact name to filter by (at most 200 characters).' });

export const enumParam = <T extends string>(values: readonly [T, ...T[]], fallback: T) =>
  z
    .enum(values, { error: `must be one of ${values.join(', ')}.` })
    .meta({ description: `One of ${values.join(', ')}; default ${fallback}.` });

/** The log query language, parsed into terms (absent: no terms). */
export const queryParam = z
  .string()
  .max(2_000, { error: 'the query is longer than 2,000 characters' })
  .meta({
    description:
      'Free text, "quoted phrases", field:value terms (level:error, status:>=500, provider:groq), -negation.',
    examples: ['status:>=500 provider:groq'],
  })
  .optional()
  .transform((s, ctx) => {
    const parsed = parseQuery(s ?? '');
    if (parsed.ok) return parsed.terms;
    ctx.addIssue({ code: 'custom', message: parsed.error.replace(/^q: /, '') });
    return z.NEVER;
  });

const CURSOR_ERROR = 'not a cursor from a previous answer; drop it to start from the newest line.';
export const cursorParam = z
  .string()
  .max(200, { error: CURSOR_ERROR })
  .meta({ description: 'next_cursor from the previous page.' })
  .transform((s, ctx) => {
    const cursor = decodeCursor(s);
    if (cursor) return cursor;
    ctx.addIssue({ code: 'custom', message: CURSOR_ERROR });
    return z.NEVER;
  });

const SOURCE_ERROR = 'name the source these lines come from, e.g. ?source=myapp (letters, digits, _ . : -).';
export const sourceNameParam = z
  .string({ error: SOURCE_ERROR })
  .regex(/^[A-Za-z0-9_.:-]{1,100}$/, { error: SOURCE_ERROR })
  .meta({ description: 'The log source these lines come from (letters, digits, _ . : -).', examples: ['ccproxy'] });

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
