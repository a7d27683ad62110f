import type { Db } from '@/lib/db/connection';
import { probeSeries } from '@/lib/series/probe-series';
import type { MetricSample } from '@/lib/system/types';

/** `up`, `probe_*` and `health_*` from each active target's latest check, for /metrics. */
export function getLatestProbeSamples(db: Db): MetricSample[] {
  const latest = db
    .prepare(
      'SELECT t.name, (SELECT MAX(c.ts) FROM checks c WHERE c.target_id = t.id) ts FROM targets t WHERE t.paused = 0 ORDER BY t.name',
    )
    .all() as { name: string; ts: number | null }[];
  const out: MetricSample[] = [];
  for (const t of latest) {
    if (t.ts === null) continue;
    for (const s of probeSeries(db, t.ts, t.ts, t.name)) {
      const { __name__: name, ...labels } = s.labels;
      const last = s.samples.at(-1);
      if (last) out.push({ name, labels, value: last[1] });
    }
  }
  return out;
}
