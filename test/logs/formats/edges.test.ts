import { describe, expect, it } from 'vitest';
import { LogCorrelator, parseLine } from '@/lib/logs';

const R = Date.UTC(2026, 0, 5, 12);

describe('format families at their edges', () => {
  it.each([
    ['syslog Feb 30', 'Feb 30 10:00:00 host app: x'],
    ['apache hour 25', '[Sun Dec 04 25:47:44 2005] [error] x'],
    ['nginx month 13', '2016/13/25 14:49:34 [error] 1#0: x'],
    ['access log offset minutes 75', '1.2.3.4 - - [17/May/2015:10:05:03 +0075] "GET / HTTP/1.1" 200 1'],
    ['klog Feb 31', 'I0231 03:04:05.678901   12 server.go:34] x'],
    ['hadoop day 00', '081100 203615 148 INFO dfs.DataNode: x'],
    ['logcat month 00', '00-17 16:13:38.811  1702  2395 D Tag: x'],
  ])('%s: an impossible date is flagged, never guessed', (_name, line) => {
    const p = parseLine(line, R);
    expect(p.tsFallback).toBe(true);
    expect(p.ts).toBe(R);
  });

  it('a time far in the future of receipt is not trusted', () => {
    const p = parseLine('2030/01/01 00:00:00 [error] 1#0: x', R);
    expect(p.family).toBe('nginx-error');
    expect(p.tsIssue).toBe('future');
  });

  it('HAProxy: an aborted request (Ta -1) has no duration but is still a request', () => {
    const c = new LogCorrelator();
    const p = c.process(
      '10.0.0.1:1 [05/Jan/2026:11:00:00.000] fe be/s1 0/0/-1/-1/-1 503 0 - - SC-- 1/1/0/0/0 0/0 "GET /x HTTP/1.1"',
      R,
    );
    expect(p.request).toMatchObject({ status: 503, durationMs: null, method: 'GET', path: '/x' });
  });

  it('Envoy: status 0 (downstream closed) is not a request', () => {
    const c = new LogCorrelator();
    const p = c.process('[2026-01-05T11:00:00.000Z] "GET /x HTTP/1.1" 0 DC 0 0 5 - "-" "-" "-" "a" "-"', R);
    expect(p.family).toBe('envoy');
    expect(p.request).toBeUndefined();
  });

  it('access log: a bogus request line still counts its status, without method or path', () => {
    const p = new LogCorrelator().process('1.2.3.4 - - [05/Jan/2026:11:00:00 +0000] "\\x16\\x03" 400 0', R);
    expect(p.request).toMatchObject({ status: 400, method: null, path: null });
  });

  it('prose that only looks like a family is left to the generic reader', () => {
    for (const line of [
      'Exception handling is documented in README',
      'June 14 was a good day',
      'I0102 is not a klog header',
      '1234567 items processed',
      '[INFO] build started',
    ]) {
      const p = parseLine(line, R);
      expect(p.family, line).toBeUndefined();
    }
  });

  it('IIS: a header changes the columns of the lines after it, per source', () => {
    const a = new LogCorrelator();
    const b = new LogCorrelator();
    a.process('#Fields: date time cs-method cs-uri-stem sc-status time-taken', R);
    const line = '2026-01-05 00:01:00 GET /r 200 15';
    expect(a.process(line, R).request).toMatchObject({ status: 200, durationMs: 15, path: '/r' });
    expect(b.process(line, R).family).toBeUndefined();
  });
});
