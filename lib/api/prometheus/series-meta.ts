import { type Labels, labelsKey, sortLabels } from '@/lib/rules/labels';
import { parsePromQL } from '@/lib/rules/promql';
import type { Matcher, SeriesSource } from '@/lib/rules/series-source';
import { PromApiError } from './envelope';
import { timeParam } from './params';

/**
 * /series and the label lookups look at most this far back from `end`: log counters are rebuilt from 10 s rollups for
 * the whole window, so a month would cost seconds (docs/api.md#prometheus-query-api).
 */
export const MAX_LOOKUP_MS = 24 * 3_600_000;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** One `match[]` as Prometheus's ParseMetricSelector takes it: a plain selector, no offset, no range. */
function parseSelector(text: string): Matcher[] {
  const expr = parsePromQL(text);
  if (expr.kind !== 'vector' || expr.offsetMs !== 0 || expr.at !== null)
    throw new Error(`1:1: parse error: ${JSON.stringify(text)} is not a metric selector`);
  return expr.matchers;
}

function window(params: URLSearchParams, nowMs: number): [number, number] {
  const end = timeParam(params, 'end', nowMs);
  const start = timeParam(params, 'start', end - MAX_LOOKUP_MS);
  return [Math.max(start, end - MAX_LOOKUP_MS), end];
}

function matcherSets(params: URLSearchParams): Matcher[][] {
  try {
    return params.getAll('match[]').map(parseSelector);
  } catch (err) {
    throw new PromApiError('bad_data', err instanceof Error ? err.message : String(err));
  }
}

/** The distinct label sets of the series any `sets` selects within [start, end], sorted as Prometheus sorts them. */
function selectSeries(source: SeriesSource, sets: Matcher[][], start: number, end: number): Labels[] {
  const found = new Map<string, Labels>();
  for (const matchers of sets)
    for (const s of source.select(matchers, start, end)) {
      if (s.samples.length === 0) continue;
      found.set(labelsKey(s.labels), sortLabels(s.labels));
    }
  return [...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, l]) => l);
}

const ANY_SERIES: Matcher[][] = [[{ name: '__name__', op: '=~', value: '.+' }]];
const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** GET/POST /api/v1/series: `match[]` (one at least), `start`, `end`. */
export function findSeries(params: URLSearchParams, source: SeriesSource, nowMs: number): Labels[] {
  if (params.getAll('match[]').length === 0) throw new PromApiError('bad_data', 'no match[] parameter provided');
  const [start, end] = window(params, nowMs);
  return selectSeries(source, matcherSets(params), start, end);
}

/** GET/POST /api/v1/labels: the label names of the series `match[]` selects (all series without it). */
export function labelNames(params: URLSearchParams, source: SeriesSource, nowMs: number): string[] {
  const [start, end] = window(params, nowMs);
  const sets = params.getAll('match[]').length ? matcherSets(params) : ANY_SERIES;
  return sorted(selectSeries(source, sets, start, end).flatMap((l) => Object.keys(l)));
}

/** GET /api/v1/label/{name}/values. */
export function labelValues(name: string, params: URLSearchParams, source: SeriesSource, nowMs: number): string[] {
  if (!LABEL_NAME.test(name)) throw new PromApiError('bad_data', `invalid label name: ${JSON.stringify(name)}`);
  const [start, end] = window(params, nowMs);
  const sets = params.getAll('match[]').length ? matcherSets(params) : ANY_SERIES;
  return sorted(
    selectSeries(source, sets, start, end)
      .map((l) => l[name])
      .filter((v): v is string => v !== undefined && v !== ''),
  );
}
