import type { Db } from '@/lib/db/connection';
import { matchesAll } from '@/lib/rules/series-source';
import { exactLabel, type Matcher, type RawSeries } from './types';

interface SeriesRow {
  id: number;
  name: string;
  labels: string;
}

/**
 * Series kept as rows (`<kind>_series` with JSON labels, `<kind>_samples` per point): the system sampler's and
 * OTLP's. Narrowed by name and labels before any samples are read.
 */
export function storedSeries(
  db: Db,
  kind: 'system' | 'otlp',
  matchers: Matcher[],
  start: number,
  end: number,
): RawSeries[] {
  const name = exactLabel(matchers, '__name__');
  const rows = (
    name === undefined
      ? db.prepare(`SELECT id, name, labels FROM ${kind}_series`).all()
      : db.prepare(`SELECT id, name, labels FROM ${kind}_series WHERE name = ?`).all(name)
  ) as SeriesRow[];
  const samples = db
    .prepare(`SELECT ts, value FROM ${kind}_samples WHERE series_id = ? AND ts >= ? AND ts <= ? ORDER BY ts`)
    .raw();
  const out: RawSeries[] = [];
  for (const r of rows) {
    const labels = { __name__: r.name, ...(JSON.parse(r.labels) as Record<string, string>) };
    if (!matchesAll(matchers, labels)) continue;
    const points = samples.all(r.id, start, end) as [number, number][];
    if (points.length > 0) out.push({ labels, samples: points });
  }
  return out;
}

/** Whether any stored series of `kind` has this name (a coarse reader must then leave the name alone). */
export function hasStoredSeries(db: Db, kind: 'system' | 'otlp', name: string): boolean {
  return db.prepare(`SELECT 1 FROM ${kind}_series WHERE name = ? LIMIT 1`).get(name) !== undefined;
}
