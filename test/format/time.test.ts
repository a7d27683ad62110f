import { describe, expect, it } from 'vitest';
import { formatAxisTime, formatElapsed, formatLocal, formatRelative, formatUtc } from '@/lib/format/time';

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('formatRelative', () => {
  it('says how long ago', () => {
    expect(formatRelative(NOW - 3_000, NOW)).toBe('just now');
    expect(formatRelative(NOW - 42_000, NOW)).toBe('42 s ago');
    expect(formatRelative('2026-11-27T11:57:00Z', NOW)).toBe('3 min ago');
    expect(formatRelative(NOW - 5 * 3_600_000, NOW)).toBe('5 h ago');
    expect(formatRelative(NOW - 3 * 86_400_000, NOW)).toBe('3 d ago');
    expect(formatRelative(NOW + 120_000, NOW)).toBe('in 2 min');
  });
  it('shows a dash for missing or bad input', () => {
    expect(formatRelative(null, NOW)).toBe('—');
    expect(formatRelative('nonsense', NOW)).toBe('—');
  });
});

describe('formatElapsed', () => {
  it('uses the two largest units', () => {
    expect(formatElapsed(45)).toBe('45 s');
    expect(formatElapsed(200)).toBe('3 min 20 s');
    expect(formatElapsed(180)).toBe('3 min');
    expect(formatElapsed(7500)).toBe('2 h 5 min');
    expect(formatElapsed(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
    expect(formatElapsed(null)).toBe('—');
  });
});

describe('absolute times', () => {
  it('formats in the given zone and in UTC', () => {
    expect(formatLocal('2026-11-27T14:05:09Z', 'UTC')).toBe('27 Nov, 14:05:09');
    expect(formatLocal('2026-11-27T14:05:09Z', 'Europe/Berlin')).toBe('27 Nov, 15:05:09');
    expect(formatUtc('2026-11-27T14:05:09.123Z')).toBe('2026-11-27 14:05:09 UTC');
    expect(formatUtc(null)).toBe('—');
  });
  it('labels axes by hour or by day', () => {
    const t = Date.parse('2026-11-27T14:05:00Z');
    expect(formatAxisTime(t, 3_600_000, 'UTC')).toBe('14:05');
    expect(formatAxisTime(t, 7 * 86_400_000, 'UTC')).toBe('27 Nov');
  });
});

describe('formatRelative in the future', () => {
  it('rounds to the nearest unit, so a fresh 4 h silence reads "in 4 h"', () => {
    const now = Date.UTC(2026, 10, 27, 12);
    expect(formatRelative(now + 4 * 3_600_000 - 2_000, now)).toBe('in 4 h');
    expect(formatRelative(now - 4 * 3_600_000 + 2_000, now)).toBe('3 h ago');
  });
});
