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

/** A fraction (0–1) as a share for humans: `0 %`, `<0.1 %`, `2.4 %`, `37 %`. */
export function formatRatio(f: number | null | undefined): string {
  if (f === null || f === undefined || !Number.isFinite(f)) return DASH;
  const p = f * 100;
  if (p === 0) return '0 %';
  if (Math.abs(p) < 0.1) return '<0.1 %';
  return `${trim(p.toFixed(Math.abs(p) >= 10 ? 0 : 1))} %`;
}

/** A per-second rate: `0`, `0.05/s`, `3.2/s`, `1.2k/s`. */
export function formatRate(perSecond: number | null | undefined): string {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) return DASH;
  if (perSecond === 0) return '0/s';
  if (perSecond < 0.01) return '<0.01/s';
  if (perSecond < 10) return `${trim(perSecond.toFixed(perSecond < 1 ? 2 : 1))}/s`;
  return `${formatCount(perSecond)}/s`;
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

/** `0 B`, `512 B`, `1.5 KiB`, `12 MiB`. */
export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return DASH;
  let v = Math.abs(n);
  let unit = 0;
  while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  const text = unit === 0 ? String(Math.round(v)) : v.toFixed(v >= 100 ? 0 : 1).replace(/\.0$/, '');
  return `${n < 0 ? '-' : ''}${text} ${BYTE_UNITS[unit]}`;
}
