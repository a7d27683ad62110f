import type { Db } from '@/lib/db/connection';

const MAX_CHECKS = 2_000;

/** The numeric fields of the target's JSON answers over the range, one series per field, from its latest checks. */
export function getTargetGauges(db: Db, targetId: number, from: number, to: number) {
  const rows = db
    .prepare(
      'SELECT ts, gauges FROM checks WHERE target_id = ? AND ts >= ? AND ts <= ? AND gauges IS NOT NULL ORDER BY ts DESC LIMIT ?',
    )
    .all(targetId, from, to, MAX_CHECKS) as { ts: number; gauges: string }[];
  const byKey = new Map<string, [number, number][]>();
  for (const r of rows.reverse()) {
    for (const [key, value] of Object.entries(JSON.parse(r.gauges) as Record<string, number>)) {
      let points = byKey.get(key);
      if (!points) byKey.set(key, (points = []));
      points.push([r.ts, value]);
    }
  }
  return {
    step_ms: 0,
    truncated: rows.length === MAX_CHECKS,
    series: [...byKey].map(([key, points]) => ({ key, points })),
  };
}
