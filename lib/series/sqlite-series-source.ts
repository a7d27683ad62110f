import type { Db } from '@/lib/db/connection';
import { matchesAll, type SeriesSource, type StepAnswer, type StepGrid } from '@/lib/rules/series-source';
import { llmCostSeries } from './llm-cost-series';
import { logRateSteps } from './log-rate-steps';
import { LOG_STEP, readLogWindow } from './log-series';
import { otlpSeries } from './otlp-series';
import { readProbeWindow } from './probe-series';
import { hasStoredSeries } from './stored-series';
import { systemSeries } from './system-series';
import { exactLabel, type Matcher, type RawSeries } from './types';
import { upSteps } from './up-steps';
import { WindowCache } from './window-cache';

const PROBE_NAMES = /^(up|probe_.+|health_.+)$/;
const LOG_NAMES =
  /^(http_requests_total|http_request_duration_seconds_(bucket|sum|count)|llm_tokens_total|llm_rate_limited_total|log_lines_total)$/;

/**
 * The derived series of the contract, read from checks and rollups for PromQL evaluation and /metrics. With
 * `sinceMs` (when Lookout started) log counters stay present from their first row on, and with `instance` (Lookout's
 * host:port) carry that label, as /metrics exports them.
 */
export function createSqliteSeriesSource(db: Db, opts: { sinceMs?: number; instance?: string } = {}): SeriesSource {
  const probes = new WindowCache(db, (lo, hi, job) => readProbeWindow(db, lo, hi, job));
  const logs = new WindowCache(db, (lo, hi, job) => readLogWindow(db, lo, hi, job, opts.sinceMs, opts.instance));
  return {
    select(matchers: Matcher[], startMs: number, endMs: number): RawSeries[] {
      const name = exactLabel(matchers, '__name__');
      const job = exactLabel(matchers, 'job');
      const out: RawSeries[] = [];
      if (name === undefined || PROBE_NAMES.test(name))
        out.push(...probes.get(startMs, endMs, job).select(name, matchers, startMs, endMs));
      if (name === undefined || LOG_NAMES.test(name))
        out.push(...logs.get(startMs - LOG_STEP, endMs, job).select(name, matchers, startMs, endMs));
      out.push(...systemSeries(db, matchers, startMs, endMs));
      out.push(...otlpSeries(db, matchers, startMs, endMs));
      out.push(...llmCostSeries(db, matchers, startMs, endMs));
      return out.filter((s) => matchesAll(matchers, s.labels));
    },
    selectSteps(matchers: Matcher[], grid: StepGrid, lookbackMs: number): StepAnswer | undefined {
      if (exactLabel(matchers, '__name__') !== 'up') return undefined;
      if (hasStoredSeries(db, 'system', 'up') || hasStoredSeries(db, 'otlp', 'up')) return undefined;
      return upSteps(db, matchers, grid, lookbackMs);
    },
    rangeSteps(func: 'rate' | 'increase', matchers: Matcher[], rangeMs: number, grid: StepGrid) {
      const name = exactLabel(matchers, '__name__');
      if (name === undefined || !LOG_NAMES.test(name)) return undefined;
      if (hasStoredSeries(db, 'system', name) || hasStoredSeries(db, 'otlp', name)) return undefined;
      return logRateSteps(db, func, matchers, rangeMs, grid, opts);
    },
  };
}
