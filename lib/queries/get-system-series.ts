import type { Db } from '@/lib/db/connection';
import { type ChartDef, SYSTEM_CHARTS, type SystemChart } from '@/lib/system/charts';

/** Pairs further apart than this span a time Lookout was not sampling; no rate is drawn across them. */
const MAX_GAP_MS = 10 * 60_000;

const GAUGE_SQL = (agg: 'AVG' | 'MAX') =>
  `SELECT ts - (ts % @step) b, ${agg}(value) v FROM system_samples WHERE series_id = @id AND ts >= @from AND ts <= @to GROUP BY b`;
// A counter's increase per step from consecutive samples; a drop is a restart, so the new value is the increase.
const RATE_SQL = `SELECT b, SUM(inc) * 1000.0 / SUM(dt) v FROM (
    SELECT ts - (ts % @step) b, ts - LAG(ts) OVER w dt,
      CASE WHEN value >= LAG(value) OVER w THEN value - LAG(value) OVER w ELSE value END inc
    FROM system_samples WHERE series_id = @id AND ts >= @from - @step AND ts <= @to WINDOW w AS (ORDER BY ts)
  ) WHERE dt IS NOT NULL AND dt > 0 AND dt <= ${MAX_GAP_MS} AND b >= @from - @step GROUP BY b`;

/** GET /api/v1/system/series: one /system chart over [from, to] in steps, as `{key, points}` series. */
export function getSystemSeries(db: Db, chart: SystemChart, from: number, to: number, step: number) {
  const def: ChartDef = SYSTEM_CHARTS[chart];
  const byStep = new Map<number, Map<string, number>>();
  for (const part of def.parts) {
    const series = db.prepare('SELECT id, labels FROM system_series WHERE name = ?').all(part.metric) as {
      id: number;
      labels: string;
    }[];
    const stmt = db.prepare(part.kind === 'rate' ? RATE_SQL : GAUGE_SQL(part.kind === 'max' ? 'MAX' : 'AVG'));
    for (const s of series) {
      const key = part.key(JSON.parse(s.labels) as Record<string, string>);
      for (const r of stmt.all({ id: s.id, from, to, step }) as { b: number; v: number | null }[]) {
        if (r.v === null || r.b < from - step) continue;
        let values = byStep.get(r.b);
        if (!values) byStep.set(r.b, (values = new Map()));
        values.set(key, (values.get(key) ?? 0) + r.v * (part.scale ?? 1));
      }
    }
  }
  const points = new Map<string, [number, number][]>();
  for (const t of [...byStep.keys()].sort((a, b) => a - b)) {
    const values = def.finish ? def.finish(byStep.get(t)!) : byStep.get(t)!;
    for (const [key, v] of values) {
      let p = points.get(key);
      if (!p) points.set(key, (p = []));
      p.push([t, v]);
    }
  }
  return {
    step_ms: step,
    unit: def.unit,
    series: [...points].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, p]) => ({ key, points: p })),
  };
}
