import { describe, expect, it } from 'vitest';
import { LogCorrelator, parseLine } from '@/lib/logs';
import { yearlessMs } from '@/lib/logs/formats/clock';
import { isTimeZone, wallToUtc } from '@/lib/logs/formats/zone';

const at = (iso: string) => Date.parse(iso);

describe('year-less times', () => {
  const ctx = (received: string) => ({ receivedAt: at(received), timezone: null });

  it('December lines read in January are last year', () => {
    expect(yearlessMs(ctx('2026-01-02T00:00:00Z'), 12, 31, 23, 0, 0, 0)).toBe(at('2025-12-31T23:00:00Z'));
  });

  it('lines from earlier this year stay in this year', () => {
    expect(yearlessMs(ctx('2026-06-15T12:00:00Z'), 6, 15, 11, 59, 0, 0)).toBe(at('2026-06-15T11:59:00Z'));
    expect(yearlessMs(ctx('2026-06-15T12:00:00Z'), 1, 1, 0, 0, 0, 0)).toBe(at('2026-01-01T00:00:00Z'));
  });

  it('a line more than a day after receipt is last year; within a day (zone skew) it is not', () => {
    expect(yearlessMs(ctx('2026-06-15T12:00:00Z'), 6, 17, 0, 0, 0, 0)).toBe(at('2025-06-17T00:00:00Z'));
    expect(yearlessMs(ctx('2026-06-15T12:00:00Z'), 6, 15, 20, 0, 0, 0)).toBe(at('2026-06-15T20:00:00Z'));
  });

  it('Feb 29 takes the latest leap year not after receipt', () => {
    expect(yearlessMs(ctx('2027-03-01T00:00:00Z'), 2, 29, 12, 0, 0, 0)).toBe(at('2024-02-29T12:00:00Z'));
  });

  it('syslog read across New Year through the parser', () => {
    const p = parseLine('Dec 31 23:59:59 h app: x', at('2026-01-01T00:00:05Z'));
    expect(new Date(p.ts).toISOString()).toBe('2025-12-31T23:59:59.000Z');
  });
});

describe('source timezone', () => {
  it('knows IANA names and rejects others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads naive times in the zone, across DST', () => {
    expect(wallToUtc(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(at('2026-01-15T11:00:00Z'));
    expect(wallToUtc(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(at('2026-07-15T10:00:00Z'));
    expect(wallToUtc(at('2026-07-15T12:00:00Z'), 'America/New_York')).toBe(at('2026-07-15T16:00:00Z'));
  });

  it('applies to text, JSON and logfmt naive times but not to explicit offsets', () => {
    const c = new LogCorrelator({ timezone: 'Asia/Tokyo' });
    const r = at('2026-02-01T00:00:00Z');
    expect(c.process('2026-01-05 09:00:00 INFO ready', r).ts).toBe(at('2026-01-05T00:00:00Z'));
    expect(c.process('{"time":"2026-01-05 09:00:00","msg":"x"}', r).ts).toBe(at('2026-01-05T00:00:00Z'));
    expect(c.process('time="2026-01-05T09:00:00" msg=x', r).ts).toBe(at('2026-01-05T00:00:00Z'));
    expect(c.process('{"time":"2026-01-05T09:00:00Z","msg":"x"}', r).ts).toBe(at('2026-01-05T09:00:00Z'));
    expect(c.process('2026/01/05 09:00:00 go log line', r).ts).toBe(at('2026-01-05T00:00:00Z'));
  });

  it('naive times stay UTC without a pin', () => {
    expect(parseLine('2026-01-05 09:00:00 INFO ready', at('2026-02-01T00:00:00Z')).ts).toBe(at('2026-01-05T09:00:00Z'));
  });
});

describe('never a wrong time', () => {
  it('an unknown zone abbreviation falls back to the time received, flagged', () => {
    const r = at('2026-01-05T12:00:00Z');
    const p = parseLine('2026-01-05 11:00:06.000 IST [12] LOG:  listening', r);
    expect(p.tsFallback).toBe(true);
    expect(p.ts).toBe(r);
  });

  it('a pinned family that does not fit reads the line as plain text', () => {
    const c = new LogCorrelator({ format: 'nginx-error' });
    const p = c.process('2026-01-05T11:00:00Z ERROR something else', at('2026-01-05T12:00:00Z'));
    expect(p.family).toBeUndefined();
    expect(p.ts).toBe(at('2026-01-05T11:00:00Z'));
    expect(p.level).toBe('error');
  });

  it('a pinned text family skips JSON detection', () => {
    const c = new LogCorrelator({ format: 'syslog' });
    const p = c.process('{"time":"2026-01-05T11:00:00Z","msg":"x"}', at('2026-01-05T12:00:00Z'));
    expect(p.format).toBe('text');
  });
});
