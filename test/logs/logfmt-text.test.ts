import { describe, expect, it } from 'vitest';
import { parseLine, parseLogfmt } from '@/lib/logs';

const RECEIVED = Date.UTC(2026, 10, 27, 12);

describe('parseLogfmt', () => {
  it.each([
    ['a=1 b=two', { a: '1', b: 'two' }],
    ['msg="hello world" level=info', { msg: 'hello world', level: 'info' }],
    ['msg="quoted \\" value" x=1', { msg: 'quoted " value', x: '1' }],
    ['msg="back\\\\slash" y=2', { msg: 'back\\slash', y: '2' }],
    ['msg="line\\nbreak\\ttab"', { msg: 'line\nbreak\ttab' }],
    ['empty= next=1', { empty: '', next: '1' }],
    ['empty="" next=1', { empty: '', next: '1' }],
    ['a=1 flag b=2', { a: '1', flag: 'true', b: '2' }],
    ['url=http://x/?a=b&c=d k=v', { url: 'http://x/?a=b&c=d', k: 'v' }],
    ['  lead=1\ttab=2  ', { lead: '1', tab: '2' }],
    ['msg="unterminated quote', { msg: 'unterminated quote' }],
    [
      'k="<script>alert(1)</script>" sql="1; DROP TABLE logs;--"',
      { k: '<script>alert(1)</script>', sql: '1; DROP TABLE logs;--' },
    ],
  ])('%s', (line, fields) => expect(parseLogfmt(line)).toEqual(fields));

  it.each(['plain words here', 'word a=1', '=1 b=2', 'a=1 and then some words'])('not logfmt: %s', (line) => {
    expect(parseLogfmt(line)).toBeNull();
  });

  it('logfmt lines get time, level, message and common fields', () => {
    const p = parseLine(
      'time="2026-11-27T10:00:00.5Z" level=error msg="upstream \\"groq\\" failed" status=502 duration=1.25s provider=groq',
      RECEIVED,
    );
    expect(p).toMatchObject({
      format: 'logfmt',
      ts: Date.UTC(2026, 10, 27, 10, 0, 0, 500),
      level: 'error',
      message: 'upstream "groq" failed',
      common: { status: 502, durationMs: 1250, provider: 'groq' },
    });
  });
});

describe('plain text lines', () => {
  it.each([
    ['2026-11-27 10:00:00,123 ERROR something', 'error', 'something', Date.UTC(2026, 10, 27, 10, 0, 0, 123)],
    [
      '2026-11-27T10:00:00.123456Z WARN  disk almost full',
      'warn',
      'disk almost full',
      Date.UTC(2026, 10, 27, 10, 0, 0, 123),
    ],
    ['2026-11-27 10:00:00 - app - ERROR - failed', 'error', 'app - ERROR - failed', Date.UTC(2026, 10, 27, 10)],
    [
      '2026-11-27 10:00:00 [main] INFO com.x.App - started',
      'info',
      '[main] INFO com.x.App - started',
      Date.UTC(2026, 10, 27, 10),
    ],
    ['[27/Nov/2026:10:00:00 +0000] error: boom', 'error', 'boom', Date.UTC(2026, 10, 27, 10)],
    ['ERROR something went wrong', 'error', 'ERROR something went wrong', RECEIVED],
    ['[warn] low memory', 'warn', '[warn] low memory', RECEIVED],
    ['Error: ENOENT: no such file', 'error', 'Error: ENOENT: no such file', RECEIVED],
    ['the error was bad', null, 'the error was bad', RECEIVED],
    ['connection error: refused', null, 'connection error: refused', RECEIVED],
    ['2026-11-27 10:00:00 12345 started worker', null, '12345 started worker', Date.UTC(2026, 10, 27, 10)],
    ['goroutine 1 [running]:', null, 'goroutine 1 [running]:', RECEIVED],
  ] as const)('%s', (line, level, message, ts) => {
    const p = parseLine(line, RECEIVED);
    expect({ format: p.format, level: p.level, message: p.message, ts: p.ts }).toEqual({
      format: 'text',
      level,
      message,
      ts,
    });
  });

  it('a time alone (no date) is not a timestamp', () => {
    expect(parseLine('10:00:00 INFO x', RECEIVED)).toMatchObject({ tsFallback: true, message: '10:00:00 INFO x' });
  });

  it('forced formats: text keeps JSON verbatim, logfmt reads pairs', () => {
    expect(parseLine('{"msg":"x"}', RECEIVED, { format: 'text' })).toMatchObject({
      format: 'text',
      message: '{"msg":"x"}',
    });
    expect(parseLine('word a=1 b=2', RECEIVED, { format: 'logfmt' })).toMatchObject({
      format: 'logfmt',
      fields: { word: 'true', a: '1', b: '2' },
    });
  });
});
