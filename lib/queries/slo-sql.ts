import type { Db } from '@/lib/db/connection';
import type { Sli } from '@/lib/slo/slo-schema';
import { bucketIndex, bucketUpperBound } from '@/lib/stats/histogram';
import { filterSql } from './log-filters';

/** Good and total events of an SLI over some span. */
export interface SliCounts {
  good: number;
  total: number;
}

/** A countable SLI: its rollup table, the SQL that sums `total` and `bad` per row set, and the raw-row count. */
export interface SliSql {
  table: 'probe_rollups' | 'log_rollups';
  resolutions: readonly number[];
  /** `SUM(…) total, SUM(…) bad`, over rows already narrowed by `where`. */
  select: string;
  where: string;
  params: Record<string, unknown>;
  raw(from: number, to: number): SliCounts;
}

const ERR = '(status = 0 OR status >= 500)';
const RAW_ERR = '(coalesce(status, 0) = 0 OR status >= 500)';
const RAW_RL = '(status = 429 OR rate_limited <> 0)';

/** The largest histogram bucket whose whole range is at or below `thresholdMs` (as the `le` series counts). */
export function lastGoodBucket(thresholdMs: number): number {
  let k = bucketIndex(thresholdMs);
  while (bucketUpperBound(k) > thresholdMs * 1.0000001) k--;
  return k;
}

/** The SQL of one SLI kind; null for PromQL SLIs, which the rule evaluator counts. */
export function sliSql(db: Db, sli: Sli, probeRes: readonly number[], logRes: readonly number[]): SliSql | null {
  if (sli.kind === 'promql') return null;
  if (sli.kind === 'probe_availability') {
    const id =
      (db.prepare('SELECT id FROM targets WHERE name = ?').pluck().get(sli.target) as number | undefined) ?? -1;
    return {
      table: 'probe_rollups',
      resolutions: probeRes,
      select: 'SUM(checks) total, SUM(checks - up) bad',
      where: ' AND target_id = @target',
      params: { target: id },
      raw: (from, to) => {
        const r = db
          .prepare(
            'SELECT COUNT(*) total, coalesce(SUM(1 - up), 0) bad FROM checks WHERE target_id = @target AND ts >= @from AND ts < @to',
          )
          .get({ target: id, from, to }) as { total: number; bad: number };
        return { good: r.total - r.bad, total: r.total };
      },
    };
  }
  const filters = {
    source: sli.source,
    provider: sli.provider,
    model: sli.kind === 'request_availability' ? sli.model : undefined,
  };
  const rolled = filterSql(db, filters, "''");
  const rawF = filterSql(db, filters, 'NULL');
  if (sli.kind === 'request_availability') {
    const rlBad = sli.rate_limited === 'bad' ? 1 : 0;
    const rlOut = sli.rate_limited === 'excluded' ? 1 : 0;
    return {
      table: 'log_rollups',
      resolutions: logRes,
      select: `SUM(requests - CASE WHEN ${ERR} THEN 0 ELSE ${rlOut} * rate_limited END) total,
               SUM(CASE WHEN ${ERR} THEN requests ELSE ${rlBad} * rate_limited END) bad`,
      where: rolled.where,
      params: rolled.params,
      raw: (from, to) => {
        const r = db
          .prepare(
            `SELECT coalesce(SUM(CASE WHEN ${RAW_ERR} THEN 1 WHEN ${RAW_RL} THEN 1 - ${rlOut} ELSE 1 END), 0) total,
                    coalesce(SUM(CASE WHEN ${RAW_ERR} THEN 1 WHEN ${RAW_RL} THEN ${rlBad} ELSE 0 END), 0) bad
             FROM requests WHERE ts >= @from AND ts < @to${rawF.where}`,
          )
          .get({ ...rawF.params, from, to }) as { total: number; bad: number };
        return { good: r.total - r.bad, total: r.total };
      },
    };
  }
  const k = lastGoodBucket(sli.threshold_ms);
  return {
    table: 'log_rollups',
    resolutions: logRes,
    select: `SUM(latency_count) total, SUM(latency_count) - SUM((SELECT coalesce(SUM(j.value), 0) FROM json_each(hist) j
             WHERE CAST(j.key AS INTEGER) <= ${k})) bad`,
    where: rolled.where,
    params: rolled.params,
    raw: (from, to) => {
      const ds = db
        .prepare(
          `SELECT duration_ms FROM requests WHERE ts >= @from AND ts < @to AND duration_ms IS NOT NULL${rawF.where}`,
        )
        .pluck()
        .all({ ...rawF.params, from, to }) as number[];
      let good = 0;
      for (const d of ds) if (Number.isFinite(d) && bucketIndex(d) <= k) good++;
      return { good, total: ds.length };
    },
  };
}
