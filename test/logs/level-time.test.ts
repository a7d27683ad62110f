import { describe, expect, it } from 'vitest';
import { normalizeLevel, parseLine, parseTimestamp } from '@/lib/logs';

describe('normalizeLevel', () => {
  it.each([
    ['trace', 'trace'],
    ['TRACE', 'trace'],
    ['Verbose', 'trace'],
    [10, 'trace'],
    ['debug', 'debug'],
    ['DEBUG', 'debug'],
    ['dbg', 'debug'],
    [20, 'debug'],
    ['20', 'debug'],
    ['info', 'info'],
    ['INFO', 'info'],
    ['Information', 'info'],
    ['notice', 'info'],
    ['NOTICE', 'info'],
    [30, 'info'],
    [35, 'info'],
    ['warn', 'warn'],
    ['warning', 'warn'],
    ['WARNING', 'warn'],
    ['Warning', 'warn'],
    [40, 'warn'],
    ['40', 'warn'],
    ['error', 'error'],
    ['ERROR', 'error'],
    ['err', 'error'],
    ['Error', 'error'],
    [50, 'error'],
    ['fatal', 'fatal'],
    ['panic', 'fatal'],
    ['critical', 'fatal'],
    ['CRITICAL', 'fatal'],
    ['crit', 'fatal'],
    ['alert', 'fatal'],
    ['emerg', 'fatal'],
    ['EMERGENCY', 'fatal'],
    ['dpanic', 'fatal'],
    [60, 'fatal'],
    [' info ', 'info'],
  ] as const)('%j → %s', (input, level) => expect(normalizeLevel(input)).toBe(level));

  it.each([null, undefined, '', 'loud', 'DEFAULT', 5, -1, Number.NaN, {}, true, 'x'.repeat(100), '3a'])(
    '%j → null',
    (input) => {
      expect(normalizeLevel(input)).toBeNull();
    },
  );
});

describe('parseTimestamp', () => {
  const T = Date.UTC(2026, 10, 27, 10, 0, 0);
  it.each([
    ['2026-11-27T10:00:00Z', T],
    ['2026-11-27T10:00:00.1Z', T + 100],
    ['2026-11-27T10:00:00.123Z', T + 123],
    ['2026-11-27T10:00:00.123456Z', T + 123],
    ['2026-11-27T10:00:00.123456789Z', T + 123],
    ['2026-11-27T10:00:00.1234567891234Z', T + 123],
    ['2026-11-27T10:00:00.99999999999999999999Z', T + 999],
    ['2026-11-27T10:00:00.999+00:00', T + 999],
    ['2026-11-27T10:00:00.5-01:00', T + 3_600_500],
    ['2026-11-27T11:30:00+01:30', T],
    ['2026-11-27T05:00:00-0500', T],
    ['2026-11-27T12:00:00+02', T],
    ['2026-11-27 10:00:00', T],
    ['2026-11-27 10:00:00,500', T + 500],
    ['2026-11-27t10:00:00z', T],
    ['27/Nov/2026:10:00:00 +0000', T],
    ['27/Nov/2026:11:00:00 +0100', T],
    [1795773600, T],
    [1795773600.25, T + 250],
    [1795773600123, T + 123],
    [1795773600123456, T + 123],
    // biome-ignore lint/correctness/noPrecisionLoss: a nanosecond epoch as JSON.parse hands it over, already rounded
    [1795773600123456789, T + 123],
    ['1795773600', T],
    ['1795773600123', T + 123],
    [{ seconds: 1795773600, nanos: 5_000_000 }, T + 5],
  ] as const)('%j', (input, ms) => expect(parseTimestamp(input)).toBe(ms));

  it.each([
    'yesterday',
    '2026-13-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    '2026-11-27T25:00:00Z',
    '27/Foo/2026:10:00:00 +0000',
    '',
    'null',
    12,
    0,
    -5,
    '2026-11-27T10:00:00.123+25:00',
    '2026-02-29T10:00:00Z',
    '2026-11-27T10:00:61Z',
    Number.POSITIVE_INFINITY,
    true,
    [],
    '2026-11-27T10:00:00Zjunk',
    '9'.repeat(30),
  ])('%j → null', (input) => expect(parseTimestamp(input)).toBeNull());

  it('accepts 29 February only in leap years', () => {
    expect(parseTimestamp('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
    expect(parseTimestamp('2026-02-29T00:00:00Z')).toBeNull();
  });
});

describe('timestamp fallback', () => {
  const received = Date.UTC(2026, 10, 27, 12);
  it.each([
    ['missing', '{"msg":"no time"}', 'missing'],
    ['unparseable', '{"msg":"x","time":"half past ten"}', 'unparseable'],
    ['wrong type', '{"msg":"x","time":true}', 'unparseable'],
    ['far future', '{"msg":"x","time":"2027-01-01T00:00:00Z"}', 'future'],
    ['text without time', 'just words', 'missing'],
    ['text with an invalid time', '2026-13-45 10:00:00 ERROR x', 'unparseable'],
  ] as const)('%s → receivedAt, flagged', (_name, line, issue) => {
    const p = parseLine(line, received);
    expect(p).toMatchObject({ ts: received, tsFallback: true, tsIssue: issue });
  });

  it('less than a day ahead is kept (clock skew)', () => {
    const p = parseLine('{"msg":"x","time":"2026-11-28T11:00:00Z"}', received);
    expect(p).toMatchObject({ ts: Date.UTC(2026, 10, 28, 11), tsFallback: false, tsIssue: null });
  });
});
