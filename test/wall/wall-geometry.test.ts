import { describe, expect, it } from 'vitest';
import { labelStride, niceTicks, stackRows, timeTicks } from '@/components/wall/scale';
import { sliceColors } from '@/components/wall/wall-errors';
import { latencyBars } from '@/components/wall/wall-latency';

const MIN = 60_000;

describe('the wall chart geometry', () => {
  it('picks round value ticks that reach the largest value', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(1_234)).toEqual([0, 500, 1_000, 1_500]);
    expect(niceTicks(1_000)).toEqual([0, 500, 1_000]);
  });

  it('puts time ticks on round minutes and hours of the viewer’s zone', () => {
    const from = Date.UTC(2026, 10, 27, 10, 3);
    expect(timeTicks(from, from + 60 * MIN, 6)).toEqual(
      [10, 20, 30, 40, 50, 60].map((m) => Date.UTC(2026, 10, 27, 10, 3 + 7) + (m - 10) * MIN),
    );
    const day = timeTicks(Date.UTC(2026, 10, 26, 10), Date.UTC(2026, 10, 27, 10), 5);
    expect(day.every((t) => t % (6 * 60 * MIN) === 0)).toBe(true);
    // UTC+1: six-hour ticks fall at 00, 06, 12, 18 local, i.e. 23, 05, 11, 17 UTC.
    const cet = timeTicks(Date.UTC(2026, 10, 26, 10), Date.UTC(2026, 10, 27, 10), 5, 60 * MIN);
    expect(cet.map((t) => new Date(t).getUTCHours())).toEqual([11, 17, 23, 5]);
    expect(timeTicks(5, 5, 4)).toEqual([]);
  });

  it('stacks series in key order and counts a missing point as 0', () => {
    const rows = [
      { t: 1, a: 2, b: 3 },
      { t: 2, a: null, b: 4 },
    ];
    expect(stackRows(rows, ['a', 'b'])).toEqual([
      {
        t: 1,
        bands: [
          [0, 2],
          [2, 5],
        ],
      },
      {
        t: 2,
        bands: [
          [0, 0],
          [0, 4],
        ],
      },
    ]);
  });

  it('thins labels that would overlap', () => {
    expect(labelStride(10, 50, 1000)).toBe(1);
    expect(labelStride(10, 50, 200)).toBe(3);
  });

  it('trims empty latency buckets and marks the percentile buckets, merging shared ones', () => {
    const buckets = [
      { le_ms: 10, count: 0 },
      { le_ms: 50, count: 0 },
      { le_ms: 100, count: 5 },
      { le_ms: 500, count: 3 },
      { le_ms: 1000, count: 0 },
      { le_ms: 5000, count: 0 },
      { le_ms: null, count: 0 },
    ];
    const { bars, marks } = latencyBars({ buckets, p50: 80, p95: 400, p99: 450 });
    expect(bars.map((b) => b.count)).toEqual([0, 5, 3, 0]);
    expect(bars[1].label).toBe('≤ 100 ms');
    expect(marks).toEqual([
      { index: 1, label: 'p50', color: 'var(--up)' },
      { index: 2, label: 'p95·p99', color: 'var(--pending)' },
    ]);
    expect(latencyBars({ buckets: buckets.map((b) => ({ ...b, count: 0 })), p50: null, p95: null, p99: null })).toEqual(
      { bars: [], marks: [] },
    );
  });

  it('colours status slices red, amber and green, shading a second code of one class', () => {
    const [a, b, c, d] = sliceColors(['502', '503', '429', '200']);
    expect(a).toBe('var(--down)');
    expect(b).toContain('var(--down) 75%');
    expect(c).toBe('var(--pending)');
    expect(d).toBe('var(--up)');
  });
});
