import type { TrackedFile } from './tracked-file';
import type { FileStatus, TailStatus } from './types';

const GROWTH_TAU_MS = 30_000;

/** Time-weighted EWMA of bytes/s, so an irregular poll interval doesn't skew it; a truncation counts its new size as growth. */
export function sampleGrowth(f: TrackedFile, size: number, now: number): void {
  const dt = now - f.stats.sampledAt;
  if (dt <= 0) return;
  const delta = size >= f.size ? size - f.size : size;
  const rate = (delta / dt) * 1000;
  const alpha = 1 - Math.exp(-dt / GROWTH_TAU_MS);
  f.stats.growth += alpha * (rate - f.stats.growth);
  f.stats.sampledAt = now;
}

export function fileStatus(f: TrackedFile): FileStatus {
  const state = f.copyOf !== null ? 'held-copy' : f.unmatchedSince !== null ? 'draining' : 'reading';
  return {
    path: f.path,
    state,
    size: f.size,
    offset: f.offset,
    lagBytes: state === 'held-copy' ? 0 : Math.max(0, f.size - f.offset),
    growthBytesPerSec: Math.round(f.stats.growth * 10) / 10,
    linesRead: f.stats.linesRead,
    linesTruncated: f.stats.linesTruncated,
    lastReadAt: f.stats.lastReadAt,
  };
}

export function buildStatus(
  source: { name: string; path: string },
  files: Iterable<TrackedFile>,
  meta: Pick<TailStatus, 'lastPollAt' | 'lastCommitAt' | 'lastError'>,
): TailStatus {
  const list = [...files].sort((a, b) => a.order - b.order).map(fileStatus);
  const sum = (pick: (s: FileStatus) => number) => list.reduce((acc, s) => acc + pick(s), 0);
  return {
    source: source.name,
    pattern: source.path,
    files: list,
    totals: {
      files: list.length,
      sizeBytes: sum((s) => s.size),
      lagBytes: sum((s) => s.lagBytes),
      growthBytesPerSec: Math.round(sum((s) => s.growthBytesPerSec) * 10) / 10,
      linesRead: sum((s) => s.linesRead),
      linesTruncated: sum((s) => s.linesTruncated),
    },
    ...meta,
  };
}
