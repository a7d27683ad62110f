import fs from 'node:fs';
import { treeOf } from './process-tree';

/** Least-squares slope (units per hour) and how far the samples scatter around the line (the noise). */
export function trend(points: [number, number][]): { perHour: number; noise: number; growth: number } {
  const n = points.length;
  if (n < 3) return { perHour: 0, noise: 0, growth: 0 };
  const mx = points.reduce((s, p) => s + p[0], 0) / n;
  const my = points.reduce((s, p) => s + p[1], 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of points) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  const residuals = points.map(([x, y]) => y - (my + slope * (x - mx)));
  const noise = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / (n - 2));
  const span = points[n - 1][0] - points[0][0];
  return { perHour: slope * 3_600_000, noise, growth: slope * span };
}

/** Open descriptors of a process tree. */
export function openFds(root: number): number {
  let n = 0;
  for (const pid of treeOf(root)) {
    try {
      n += fs.readdirSync(`/proc/${pid}/fd`).length;
    } catch {
      // gone between listing and reading
    }
  }
  return n;
}

/** Anonymous resident memory of a process tree (heap, SQLite page caches, malloc arenas), without mapped files. */
export function anonRss(root: number): number {
  let n = 0;
  for (const pid of treeOf(root)) {
    try {
      const m = /RssAnon:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      n += m ? Number(m[1]) * 1024 : 0;
    } catch {
      // gone between listing and reading
    }
  }
  return n;
}

export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** One sample's value of a metric in Prometheus text (the first series of that name). */
export function metricValue(text: string, name: string): number | null {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([^ \\n]+)`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}
