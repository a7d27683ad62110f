import { readLimitedText } from '@/lib/api/read-body';
import { parseDurationMs } from '@/lib/rules/promql/parse-literals';
import { invalidParam, PromApiError } from './envelope';

const MAX_FORM_BYTES = 1024 * 1024;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** The request's parameters as Go's ParseForm merges them: a form-encoded POST body first, then the URL's. */
export async function readParams(req: Request): Promise<URLSearchParams> {
  const out = new URLSearchParams();
  const type = req.headers.get('content-type') ?? '';
  if (req.method === 'POST' && /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    let text: string;
    try {
      text = await readLimitedText(req, MAX_FORM_BYTES);
    } catch (err) {
      throw new PromApiError('bad_data', `error parsing form values: ${err instanceof Error ? err.message : err}`);
    }
    for (const [k, v] of new URLSearchParams(text)) out.append(k, v);
  }
  for (const [k, v] of new URL(req.url).searchParams) out.append(k, v);
  return out;
}

/** Prometheus's parseTime: unix seconds as a float (rounded to the millisecond) or RFC 3339; milliseconds back. */
export function parseTimeMs(text: string): number {
  if (DECIMAL.test(text)) {
    const ms = Math.round(Number(text) * 1000);
    if (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15) return ms;
  } else if (RFC3339.test(text)) {
    const ms = Date.parse(text.toUpperCase());
    if (Number.isFinite(ms)) return ms;
  }
  throw new Error(`cannot parse "${text}" to a valid timestamp`);
}

/** Prometheus's parseDuration: float seconds or a PromQL duration (`1m30s`); milliseconds back. */
export function parseDurationParamMs(text: string): number {
  if (DECIMAL.test(text)) {
    const ms = Number(text) * 1000;
    if (Number.isFinite(ms) && Math.abs(ms) < 9.2e15) return ms;
    throw new Error(`cannot parse "${text}" to a valid duration. It overflows int64`);
  }
  try {
    return parseDurationMs(text);
  } catch {
    throw new Error(`cannot parse "${text}" to a valid duration`);
  }
}

/** A time parameter, `fallback` when absent; a bad one is `bad_data` naming it. */
export function timeParam(params: URLSearchParams, name: string, fallback?: number): number {
  const raw = params.get(name);
  if ((raw === null || raw === '') && fallback !== undefined) return fallback;
  try {
    return parseTimeMs(raw ?? '');
  } catch (err) {
    throw invalidParam(name, err);
  }
}

export function durationParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  try {
    return parseDurationParamMs(raw);
  } catch (err) {
    throw invalidParam(name, err);
  }
}
