import { describe, expect, it } from 'vitest';
import { bucketStarts, chartResolution, planWindow } from '@/lib/stats/window-plan';

const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;
const RES = [M, H, D];

describe('planWindow', () => {
  it('covers the window exactly, without gaps or overlaps', () => {
    const from = Date.UTC(2026, 0, 1, 13, 7, 42, 123);
    const to = from + 30 * D;
    const segs = planWindow(from, to, RES);
    expect(segs[0].from).toBe(from);
    expect(segs[segs.length - 1].to).toBe(to);
    for (let i = 1; i < segs.length; i++) expect(segs[i].from).toBe(segs[i - 1].to);
    expect(segs.reduce((n, s) => n + (s.to - s.from), 0)).toBe(30 * D);
  });

  it('uses the coarsest aligned buckets in the middle and raw rows only for partial minutes', () => {
    const from = Date.UTC(2026, 0, 1, 13, 7, 42);
    const segs = planWindow(from, from + 30 * D, RES);
    expect(segs.map((s) => s.res)).toEqual([0, M, H, D, H, M, 0]);
    for (const s of segs) if (s.res > 0) expect(s.from % s.res).toBe(0);
    expect(segs.filter((s) => s.res === 0).every((s) => s.to - s.from < M)).toBe(true);
  });

  it('is a single raw segment for a window inside one minute, and empty for an empty window', () => {
    expect(planWindow(1_000, 2_000, RES)).toEqual([{ res: 0, from: 1_000, to: 2_000 }]);
    expect(planWindow(5, 5, RES)).toEqual([]);
  });

  it('needs no raw rows when the window is aligned', () => {
    expect(planWindow(0, 2 * D, RES)).toEqual([{ res: D, from: 0, to: 2 * D }]);
  });
});

describe('chart resolution and buckets', () => {
  it('picks about 60–1,500 points', () => {
    expect(chartResolution(0, H, RES)).toBe(M);
    expect(chartResolution(0, 24 * H, RES)).toBe(M);
    expect(chartResolution(0, 7 * D, RES)).toBe(H);
    expect(chartResolution(0, 30 * D, RES)).toBe(H);
    expect(chartResolution(0, 400 * D, RES)).toBe(D);
  });

  it('lists bucket starts from the one holding `from`', () => {
    expect(bucketStarts(90_000, 200_000, M)).toEqual([60_000, 120_000, 180_000]);
  });
});
