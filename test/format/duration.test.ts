import { describe, expect, it } from 'vitest';
import { formatDuration, formatElapsed, formatSeconds, humanizeDuration, splitSeconds } from '@/lib/format/duration';

describe('one duration formatter family', () => {
  it('splitSeconds truncates into days, hours, minutes and seconds', () => {
    expect(splitSeconds(90061.9)).toEqual({ days: 1, hours: 1, minutes: 1, seconds: 1 });
    expect(splitSeconds(59)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 59 });
  });

  it.each([
    [3725, '1h 2m 5s'],
    [90061, '1d 1h 1m 1s'],
    [61, '1m 1s'],
    [60, '1m 0s'],
    [1.5, '1.5s'],
    [59.99, '59.99s'],
    [0.5, '500ms'],
    [0.0001234, '123.4us'],
    [0, '0s'],
    [-90.5, '-1m 30s'],
    [Infinity, '+Inf'],
    [NaN, 'NaN'],
  ])("humanizeDuration(%s) is Prometheus's %j", (s, want) => expect(humanizeDuration(s)).toBe(want));

  it.each([
    [45, '45 s'],
    [200, '3 min 20 s'],
    [7500, '2 h 5 min'],
    [3 * 86_400 + 4 * 3_600, '3 d 4 h'],
    [86_400, '1 d'],
    [59.6, '1 min'],
  ])('formatElapsed(%s) keeps the two largest units of the same split: %j', (s, want) =>
    expect(formatElapsed(s)).toBe(want),
  );

  it('formatElapsed shows a dash for what is not an elapsed time', () => {
    expect([null, undefined, -1, NaN].map(formatElapsed)).toEqual(['—', '—', '—', '—']);
  });

  it.each([
    [0, '0s'],
    [500, '500ms'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [604_800_000, '1w'],
    [1_500, '1s500ms'],
  ])('formatDuration(%s ms) spells it as Prometheus does: %j', (ms, want) => expect(formatDuration(ms)).toBe(want));

  it('formatSeconds is formatDuration for seconds (rule for, group interval)', () => {
    expect([0, 2, 300, 5400, 15].map(formatSeconds)).toEqual(['0s', '2s', '5m', '1h30m', '15s']);
  });
});
