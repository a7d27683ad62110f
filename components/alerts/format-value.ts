import { formatCount } from '@/lib/format/number';

/** A sample value for humans: `0`, `0.0123`, `3.14`, `1.2k`; NaN/Inf and strings as Prometheus writes them. */
export function formatSampleValue(v: number | string | null | undefined): string {
  if (v === null || v === undefined) return '—';
  const n = typeof v === 'number' ? v : Number(v);
  if (Number.isNaN(n)) return typeof v === 'string' && v.trim() ? v : 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (Math.abs(n) >= 1000) return formatCount(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(4)));
}
