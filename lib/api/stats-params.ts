import type { Lookout } from '@/lib/engine/context';
import { getLookout } from '@/lib/engine/instance';
import { parseDuration } from '@/lib/config/duration';
import type { LogFilters } from '@/lib/queries/log-filters';
import { authorize } from './auth';
import { badRequest } from './errors';
import { parseRange } from './params';
import { passes, stepParam, textParam } from './query-schemas';

const MAX_POINTS = 5_000;

function text(params: URLSearchParams, name: string): string | undefined {
  const v = params.get(name);
  if (v === null || v === '') return undefined;
  if (!passes(textParam, v)) throw badRequest('invalid_parameter', `${name}: must be at most 200 characters, without NUL bytes.`);
  return v;
}

export function parseEnum<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T {
  const v = params.get(name);
  if (v === null || v === '') return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw badRequest('invalid_parameter', `${name}: must be one of ${allowed.join(', ')}.`);
  return v as T;
}

/** A step as a duration (`1m`) or milliseconds; defaults to about 120 points, rounded to 10 s. */
export function parseStep(params: URLSearchParams, from: number, to: number): number {
  const raw = params.get('step');
  const auto = Math.max(10_000, Math.ceil((to - from) / 120 / 10_000) * 10_000);
  if (raw === null || raw === '') return auto;
  const ms = passes(stepParam, raw) ? (/^\d{1,12}$/.test(raw) ? Number(raw) : parseDuration(raw)) : null;
  if (ms === null) throw badRequest('invalid_parameter', 'step: must be a multiple of 10s, such as 10s, 1m or 1h.');
  if ((to - from) / ms > MAX_POINTS) throw badRequest('invalid_parameter', `step: too small for this range (more than ${MAX_POINTS} points).`);
  return ms;
}

/** The shared front half of every `/stats/*` read: rights, range and the source/provider/model filters. */
export function readStatsRequest(req: Request): { lookout: Lookout; params: URLSearchParams; from: number; to: number; filters: LogFilters } {
  const lookout = getLookout();
  authorize(lookout, req, 'read');
  const params = new URL(req.url).searchParams;
  const { from, to } = parseRange(params, lookout.clock.now());
  return { lookout, params, from, to, filters: { source: text(params, 'source'), provider: text(params, 'provider'), model: text(params, 'model') } };
}
