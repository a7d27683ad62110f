import type { Db } from '@/lib/db/connection';
import type { MetricSample } from './types';

/** Labels as stored: JSON with sorted keys, so one label set is always one row of system_series. */
export function labelKey(labels: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

/** Last sample of a tick wins when two share a name and labels (a rotated log file still held open). */
export function dedupeSamples(samples: MetricSample[]): MetricSample[] {
  const byKey = new Map<string, MetricSample>();
  for (const s of samples) byKey.set(`${s.name}\u0000${labelKey(s.labels)}`, s);
  return [...byKey.values()];
}

/** Writes one tick of samples in one transaction; series ids are cached after their first use. */
export class SampleStore {
  private readonly ids = new Map<string, number>();

  constructor(private readonly db: Db) {}

  write(ts: number, samples: MetricSample[]): void {
    const ensure = this.db.prepare(
      'INSERT INTO system_series (name, labels) VALUES (?, ?) ON CONFLICT (name, labels) DO NOTHING',
    );
    const find = this.db.prepare('SELECT id FROM system_series WHERE name = ? AND labels = ?').pluck();
    const insert = this.db.prepare('INSERT OR REPLACE INTO system_samples (series_id, ts, value) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const s of samples) {
        if (!Number.isFinite(s.value)) continue;
        const labels = labelKey(s.labels);
        const key = `${s.name}\u0000${labels}`;
        let id = this.ids.get(key);
        if (id === undefined) {
          ensure.run(s.name, labels);
          id = find.get(s.name, labels) as number;
          this.ids.set(key, id);
        }
        insert.run(id, ts, s.value);
      }
    })();
  }
}
