import { formatBytes, formatCount, formatMs, formatRate, formatRatio } from '@/lib/format/number';
import type { SystemSeriesResponse } from '@/lib/swr/use-system-series';

/** `0.12` cores → `12 %` of one core: how top and ps show a process's CPU. */
export const formatCores = (v: number | null | undefined): string => formatRatio(v);

/** `1.5 MiB/s`; a dash when there is no value. */
export const formatBytesPerSecond = (v: number | null | undefined): string =>
  v === null || v === undefined ? formatBytes(v) : `${formatBytes(v)}/s`;

export function formatUnit(unit: SystemSeriesResponse['unit'], v: number | null | undefined): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(v);
    case 'bytes_per_s':
      return formatBytesPerSecond(v);
    case 'cores':
      return formatCores(v);
    case 'ms':
      return formatMs(v);
    case 'per_s':
      return formatRate(v);
    case 'ratio':
      return formatRatio(v);
    default:
      return formatCount(v);
  }
}
