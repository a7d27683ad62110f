import type { Db } from '@/lib/db/connection';
import type { MetricSample } from '@/lib/system/types';

export interface OtlpLatest {
  family: string;
  type: 'counter' | 'gauge' | 'histogram' | 'summary';
  help: string;
  sample: MetricSample;
}

/** The latest value of every OTLP series updated since `sinceMs`, for /metrics; a series that stopped drops out. */
export function getOtlpLatest(db: Db, sinceMs: number): OtlpLatest[] {
  const rows = db
    .prepare(
      `SELECT name, labels, family, type, help, last_value value FROM otlp_series
       WHERE last_ts >= ? AND last_value IS NOT NULL ORDER BY family, name, labels`,
    )
    .all(sinceMs) as {
    name: string;
    labels: string;
    family: string;
    type: OtlpLatest['type'];
    help: string;
    value: number;
  }[];
  return rows.map((r) => ({
    family: r.family,
    type: r.type,
    help: r.help,
    sample: { name: r.name, labels: JSON.parse(r.labels) as Record<string, string>, value: r.value },
  }));
}
