import { describe, expect, it } from 'vitest';
import { windowRange } from '@/lib/slo/windows';

describe('SLO windows', () => {
  const now = Date.UTC(2026, 1, 10, 9, 30, 17, 250);
  it('start a rolling window on the whole minute at or before now − length', () => {
    expect(windowRange('7d', now)).toEqual({ from: Date.UTC(2026, 1, 3, 9, 30), to: now, lengthMs: 7 * 86_400_000 });
    expect(windowRange('30d', now).from).toBe(Date.UTC(2026, 0, 11, 9, 30));
  });
  it('start a calendar month at 00:00 UTC on the 1st, with the whole month as its length', () => {
    expect(windowRange('calendar_month', now)).toEqual({
      from: Date.UTC(2026, 1, 1),
      to: now,
      lengthMs: 28 * 86_400_000,
    });
  });
});
