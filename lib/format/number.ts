const DASH = '—';

const trim = (text: string) => text.replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');

/** `1234` → `1.2k`, `2_500_000` → `2.5M`; small counts stay exact. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  const abs = Math.abs(n);
  const units = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'k'],
  ] as const;
  for (const [size, suffix] of units) {
    if (abs >= size) {
      const v = n / size;
      return `${trim(v.toFixed(Math.abs(v) >= 100 ? 0 : 1))}${suffix}`;
    }
  }
  return String(Math.round(n));
}

/** Latency for humans: `0.4 ms`, `350 ms`, `2.4 s`, `1.5 min`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return DASH;
  const abs = Math.abs(ms);
  if (abs < 1) return `${trim(ms.toFixed(1))} ms`;
  if (abs < 1000) return `${Math.round(ms)} ms`;
  if (abs < 60_000) return `${trim((ms / 1000).toFixed(abs < 10_000 ? 1 : 0))} s`;
  return `${trim((ms / 60_000).toFixed(1))} min`;
}

/**
 * Uptime in percent, never rounded up to 100 % while any check failed:
 * `99.95 %`, `100 %`, `87.5 %`.
 */
export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return DASH;
  if (p >= 100) return '100 %';
  if (p <= 0) return '0 %';
  const decimals = p >= 99 ? 2 : 1;
  const factor = 10 ** decimals;
  const floored = Math.floor(p * factor) / factor;
  return `${trim(floored.toFixed(decimals))} %`;
}
