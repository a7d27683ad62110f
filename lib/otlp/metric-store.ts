import type { Db } from '@/lib/db/connection';
import { labelKey } from '@/lib/system/sample-store';
import type { OtlpPoint } from './metrics-to-points';

interface SeriesRow {
  id: number;
  last_ts: number | null;
  last_value: number | null;
}

/**
 * Stores one request's samples in one transaction. Cumulative and gauge samples are written as sent
 * (a resent sample replaces itself); a delta is added to its series' running total, and a delta no
 * newer than the series' latest sample — a client's retry — is skipped, so nothing counts twice.
 */
export function storeOtlpPoints(db: Db, points: OtlpPoint[]): void {
  const ensure = db.prepare(
    `INSERT INTO otlp_series (name, labels, family, type, help) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name, labels) DO UPDATE SET help = excluded.help, type = excluded.type, family = excluded.family`,
  );
  const find = db.prepare('SELECT id, last_ts, last_value FROM otlp_series WHERE name = ? AND labels = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO otlp_samples (series_id, ts, value) VALUES (?, ?, ?)');
  const advance = db.prepare('UPDATE otlp_series SET last_ts = ?, last_value = ? WHERE id = ?');
  // Deltas of one series must be added in time order, whatever order the request lists them in.
  const ordered = [...points].sort((a, b) => a.ts - b.ts);
  db.transaction(() => {
    const series = new Map<string, SeriesRow>();
    for (const p of ordered) {
      const labels = labelKey(p.labels);
      const key = `${p.name}\u0000${labels}`;
      let row = series.get(key);
      if (!row) {
        ensure.run(p.name, labels, p.family, p.kind, p.help);
        series.set(key, (row = find.get(p.name, labels) as SeriesRow));
      }
      const newer = row.last_ts === null || p.ts > row.last_ts;
      if (p.delta && !newer) continue;
      const value = p.delta ? (row.last_value ?? 0) + p.value : p.value;
      insert.run(row.id, p.ts, value);
      if (newer) {
        advance.run(p.ts, value, row.id);
        row.last_ts = p.ts;
        row.last_value = value;
      }
    }
  })();
}
