import { describe, expect, it } from 'vitest';
import { matchPreset, presetRange, rangeFromParams, resolveTime } from '@/lib/time/range';
import { parseRefresh, REFRESH_INTERVAL_MS } from '@/lib/time/refresh';

const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('time ranges', () => {
  it('resolves relative, epoch and RFC 3339 times', () => {
    expect(resolveTime('now', NOW)).toBe(NOW);
    expect(resolveTime('now-24h', NOW)).toBe(NOW - 86_400_000);
    expect(resolveTime(String(NOW - 5), NOW)).toBe(NOW - 5);
    expect(resolveTime('2026-11-27T11:00:00Z', NOW)).toBe(NOW - 3_600_000);
    expect(resolveTime('now-banana', NOW)).toBeNull();
  });
  it('maps URL parameters to presets', () => {
    expect(rangeFromParams(null, null)).toEqual(presetRange('24h'));
    expect(rangeFromParams('garbage', 'now')).toEqual(presetRange('24h'));
    expect(matchPreset(rangeFromParams('now-7d', null))).toBe('7d');
    expect(matchPreset({ from: 'now-2h', to: 'now' })).toBeNull();
  });
});

describe('parseRefresh', () => {
  it('reads the refresh parameter', () => {
    expect(parseRefresh(null)).toBe(REFRESH_INTERVAL_MS);
    expect(parseRefresh('off')).toBe(0);
    expect(parseRefresh('30s')).toBe(30_000);
    expect(parseRefresh('1m')).toBe(60_000);
    expect(parseRefresh('100ms')).toBe(1_000);
    expect(parseRefresh('soon')).toBe(REFRESH_INTERVAL_MS);
  });
});
