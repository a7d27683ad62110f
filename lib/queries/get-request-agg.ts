import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import type { RequestGroup } from '@/lib/stats/groups';
import { addValue, type Histogram, quantile } from '@/lib/stats/histogram';
import { planWindow } from '@/lib/stats/window-plan';
import { filterSql, type LogFilters } from './log-filters';

export type GroupBy = RequestGroup;

export interface RequestAgg {
  requests: number;
  errors: number;
  clientErrors: number;
  rateLimited: number;
  inputTokens: number;
  outputTokens: number;
  hist: Histogram;
}

const GROUP_SQL: Record<GroupBy, { rollup: string; raw: string }> = {
  provider: { rollup: 'provider', raw: "coalesce(provider, '')" },
  model: { rollup: 'model', raw: "coalesce(model, '')" },
  status: { rollup: 'CAST(status AS TEXT)', raw: 'CAST(coalesce(status, 0) AS TEXT)' },
  source: {
    rollup: '(SELECT name FROM log_sources s WHERE s.id = source_id)',
    raw: '(SELECT name FROM log_sources s WHERE s.id = source_id)',
  },
  none: { rollup: "'all'", raw: "'all'" },
};

export function emptyAgg(): RequestAgg {
  return { requests: 0, errors: 0, clientErrors: 0, rateLimited: 0, inputTokens: 0, outputTokens: 0, hist: new Map() };
}

/**
 * Requests over [from, to) grouped by one key, exact: whole rollup buckets in the middle and raw
 * requests for the partial 10-second edges. errors = status ≥ 500 or none; 429s are client errors too.
 */
export function getRequestAgg(
  db: Db,
  from: number,
  to: number,
  by: GroupBy,
  filters: LogFilters = {},
): Map<string, RequestAgg> {
  const out = new Map<string, RequestAgg>();
  const entry = (k: string) => {
    let a = out.get(k);
    if (!a) out.set(k, (a = emptyAgg()));
    return a;
  };
  for (const seg of planWindow(from, to, LOG_RESOLUTIONS)) {
    if (seg.res === 0) {
      const f = filterSql(db, filters, 'NULL');
      const rows = db
        .prepare(
          `SELECT ${GROUP_SQL[by].raw} k, status, duration_ms d, input_tokens i, output_tokens o, rate_limited rl FROM requests
           WHERE ts >= @from AND ts < @to${f.where}`,
        )
        .all({ ...f.params, from: seg.from, to: seg.to }) as {
        k: string;
        status: number | null;
        d: number | null;
        i: number | null;
        o: number | null;
        rl: number;
      }[];
      for (const r of rows) {
        const a = entry(r.k);
        const s = r.status ?? 0;
        a.requests++;
        if (s === 0 || s >= 500) a.errors++;
        if (s >= 400 && s < 500) a.clientErrors++;
        if (s === 429 || r.rl) a.rateLimited++;
        a.inputTokens += r.i ?? 0;
        a.outputTokens += r.o ?? 0;
        if (r.d !== null) addValue(a.hist, r.d);
      }
      continue;
    }
    const f = filterSql(db, filters, "''");
    const p = { ...f.params, res: seg.res, from: seg.from, to: seg.to };
    const rows = db
      .prepare(
        `SELECT ${GROUP_SQL[by].rollup} k, SUM(requests) n,
           SUM(CASE WHEN status = 0 OR status >= 500 THEN requests ELSE 0 END) e,
           SUM(CASE WHEN status BETWEEN 400 AND 499 THEN requests ELSE 0 END) c,
           SUM(rate_limited) rl, SUM(input_tokens) i, SUM(output_tokens) o
         FROM log_rollups WHERE res = @res AND ts >= @from AND ts < @to${f.where} GROUP BY k`,
      )
      .all(p) as { k: string; n: number; e: number; c: number; rl: number; i: number; o: number }[];
    for (const r of rows) {
      const a = entry(r.k);
      a.requests += r.n;
      a.errors += r.e;
      a.clientErrors += r.c;
      a.rateLimited += r.rl;
      a.inputTokens += r.i;
      a.outputTokens += r.o;
    }
    const hist = db
      .prepare(
        `SELECT ${GROUP_SQL[by].rollup} k, CAST(j.key AS INTEGER) b, SUM(j.value) n FROM log_rollups, json_each(log_rollups.hist) j
         WHERE res = @res AND ts >= @from AND ts < @to${f.where} GROUP BY k, j.key`,
      )
      .all(p) as { k: string; b: number; n: number }[];
    for (const r of hist) {
      const h = entry(r.k).hist;
      h.set(r.b, (h.get(r.b) ?? 0) + r.n);
    }
  }
  return out;
}

export const roundMs = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The usage columns of /stats/providers and /stats/models. */
export function shapeUsage(a: RequestAgg) {
  return {
    requests: a.requests,
    errors: a.errors,
    error_rate: a.requests ? a.errors / a.requests : 0,
    rate_limited: a.rateLimited,
    p50_ms: roundMs(quantile(a.hist, 0.5)),
    p95_ms: roundMs(quantile(a.hist, 0.95)),
    input_tokens: a.inputTokens,
    output_tokens: a.outputTokens,
  };
}
