import type { Db } from '@/lib/db/connection';
import { LOG_RESOLUTIONS } from '@/lib/ingest/log-rollups';
import { addValue, type Histogram, quantile } from '@/lib/stats/histogram';
import { planWindow } from '@/lib/stats/window-plan';
import { roundMs } from './get-request-agg';
import { filterSql, type LogFilters } from './log-filters';

interface RouteAgg {
  method: string;
  route: string;
  requests: number;
  errors: number;
  clientErrors: number;
  hist: Histogram;
}

/**
 * Requests per route and method over [from, to), busiest first, exact like the other stats: whole rollup
 * buckets in the middle, raw requests at the partial 10-second edges. Requests without a path are left out.
 */
export function getStatsRoutes(db: Db, from: number, to: number, filters: LogFilters, limit = 100) {
  const out = new Map<string, RouteAgg>();
  const entry = (method: string, route: string) => {
    const k = `${method} ${route}`;
    let a = out.get(k);
    if (!a) out.set(k, (a = { method, route, requests: 0, errors: 0, clientErrors: 0, hist: new Map() }));
    return a;
  };
  for (const seg of planWindow(from, to, LOG_RESOLUTIONS)) {
    if (seg.res === 0) {
      const f = filterSql(db, filters, 'NULL');
      const rows = db
        .prepare(
          `SELECT coalesce(method, '') m, route r, status s, duration_ms d FROM requests
           WHERE ts >= @from AND ts < @to AND route IS NOT NULL${f.where}`,
        )
        .all({ ...f.params, from: seg.from, to: seg.to }) as {
        m: string;
        r: string;
        s: number | null;
        d: number | null;
      }[];
      for (const row of rows) {
        const a = entry(row.m, row.r);
        const s = row.s ?? 0;
        a.requests++;
        if (s === 0 || s >= 500) a.errors++;
        else if (s >= 400) a.clientErrors++;
        if (row.d !== null) addValue(a.hist, row.d);
      }
      continue;
    }
    const f = filterSql(db, filters, "''");
    const p = { ...f.params, res: seg.res, from: seg.from, to: seg.to };
    const where = `res = @res AND ts >= @from AND ts < @to${f.where}`;
    const rows = db
      .prepare(
        `SELECT method m, route r, SUM(requests) n, SUM(errors) e, SUM(client_errors) c FROM log_route_rollups
         WHERE ${where} GROUP BY m, r`,
      )
      .all(p) as { m: string; r: string; n: number; e: number; c: number }[];
    for (const row of rows) {
      const a = entry(row.m, row.r);
      a.requests += row.n;
      a.errors += row.e;
      a.clientErrors += row.c;
    }
    const hist = db
      .prepare(
        `SELECT method m, route r, CAST(j.key AS INTEGER) b, SUM(j.value) n
         FROM log_route_rollups, json_each(log_route_rollups.hist) j WHERE ${where} GROUP BY m, r, j.key`,
      )
      .all(p) as { m: string; r: string; b: number; n: number }[];
    for (const row of hist) {
      const h = entry(row.m, row.r).hist;
      h.set(row.b, (h.get(row.b) ?? 0) + row.n);
    }
  }
  return [...out.values()]
    .sort((x, y) => y.requests - x.requests || x.route.localeCompare(y.route) || x.method.localeCompare(y.method))
    .slice(0, limit)
    .map((a) => ({
      method: a.method || null,
      route: a.route,
      requests: a.requests,
      errors: a.errors,
      error_rate: a.requests ? a.errors / a.requests : 0,
      client_errors: a.clientErrors,
      p50_ms: roundMs(quantile(a.hist, 0.5)),
      p95_ms: roundMs(quantile(a.hist, 0.95)),
    }));
}
