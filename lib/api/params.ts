import { z } from 'zod';
import { badRequest } from './errors';
import { parseTime } from './time-range';
import { limitParam, passes, timeParam } from './query-schemas';

/** Reads a JSON body, answering 400 for a body that is not JSON. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) throw badRequest('invalid_body', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('invalid_json', 'The request body is not valid JSON.');
  }
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  return schema.parse(body);
}

// Beyond this, per-day charts alone would be millions of buckets.
const MAX_SPAN_MS = 100 * 365 * 86_400_000;

/** `from`/`to` with the contract's defaults (`now-1h` … `now`), validated. */
export function parseRange(params: URLSearchParams, now: number): { from: number; to: number } {
  const read = (name: 'from' | 'to', fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw === '') return fallback;
    const ms = passes(timeParam, raw) ? parseTime(raw, now) : null;
    if (ms === null) {
      throw badRequest('invalid_parameter', `${name}: "${raw.slice(0, 64)}" is not a time; use RFC 3339, epoch milliseconds or now-15m.`);
    }
    return ms;
  };
  const from = read('from', now - 3_600_000);
  const to = read('to', now);
  if (from >= to) throw badRequest('invalid_parameter', 'from: must be before to.');
  if (to - from > MAX_SPAN_MS) throw badRequest('invalid_parameter', 'from: the range may span at most 100 years.');
  return { from, to };
}

export function parseLimit(params: URLSearchParams, fallback: number, max: number): number {
  const raw = params.get('limit');
  if (raw === null || raw === '') return fallback;
  if (!passes(limitParam(max, fallback), raw)) {
    throw badRequest('invalid_parameter', `limit: must be a whole number from 1 to ${max}.`);
  }
  return Number(raw);
}

export function parseId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw badRequest('invalid_parameter', 'id: must be a positive whole number.');
  return Number(raw);
}
