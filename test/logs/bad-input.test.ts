import { describe, expect, it } from 'vitest';
import { isBlankLine, LogCorrelator, MAX_LINE_CHARS, parseLine } from '@/lib/logs';

const AT = Date.UTC(2026, 10, 27, 12);

describe('bad input is data, never a crash', () => {
  it.each([
    ['{"level":"info","msg":"cut off', 'invalid'],
    ['{"level":"info",,"msg":"x"}', 'invalid'],
    ['{not json at all}', 'invalid'],
  ] as const)('invalid JSON falls back to text: %s', (line, issue) => {
    const p = parseLine(line, AT);
    expect(p).toMatchObject({ format: 'text', message: line, jsonIssue: issue, fields: {} });
  });

  it('JSON that is not an object is text', () => {
    expect(parseLine('[1,2,3]', AT)).toMatchObject({ format: 'text', message: '[1,2,3]', jsonIssue: null });
    expect(parseLine('"just a string"', AT).format).toBe('text');
    expect(parseLine('42', AT).format).toBe('text');
  });

  it('20,000-deep nesting is detected cheaply and read as text', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const started = performance.now();
    const p = parseLine(deep, AT);
    expect(performance.now() - started).toBeLessThan(50);
    expect(p).toMatchObject({ format: 'text', jsonIssue: 'too_deep' });
    expect(p.message.length).toBe(deep.length);
    const arrays = `{"a":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    expect(parseLine(arrays, AT).jsonIssue).toBe('too_deep');
  });

  it('many brackets that are not deep (or sit inside strings) still parse as JSON', () => {
    const wide = `{"items":[${Array.from({ length: 500 }, (_, i) => `{"i":${i}}`).join(',')}],"msg":"wide"}`;
    expect(parseLine(wide, AT)).toMatchObject({ format: 'json', message: 'wide' });
    const inString = `{"msg":"${'{['.repeat(1000)}"}`;
    expect(parseLine(inString, AT)).toMatchObject({ format: 'json', message: '{['.repeat(1000) });
    const nested64 = `${'{"a":'.repeat(63)}{"msg":"ok"}${'}'.repeat(63)}`;
    expect(parseLine(nested64, AT).format).toBe('json');
  });

  it('a 2 MiB line is cut to 256 KiB, flagged, and parsed fast', () => {
    const huge = `{"msg":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const started = performance.now();
    const p = parseLine(huge, AT);
    expect(performance.now() - started).toBeLessThan(100);
    expect(p).toMatchObject({ truncated: true, format: 'text', jsonIssue: 'invalid' });
    expect(p.message.length).toBe(MAX_LINE_CHARS);
    const text = `2026-11-27 10:00:00 ERROR ${'y'.repeat(300_000)}`;
    expect(parseLine(text, AT)).toMatchObject({ truncated: true, level: 'error', ts: Date.UTC(2026, 10, 27, 10) });
    const logfmtHuge = `level=info msg="${'z'.repeat(300_000)}`;
    expect(parseLine(logfmtHuge, AT)).toMatchObject({ truncated: true, format: 'logfmt', level: 'info' });
  });

  it('a caller-truncated line keeps the flag', () => {
    expect(parseLine('{"msg":"abc', AT, { truncated: true })).toMatchObject({
      truncated: true,
      message: '{"msg":"abc',
    });
  });

  it('replacement characters (invalid UTF-8 decoded by the caller) and NUL bytes stay verbatim', () => {
    const bad = 'caf\uFFFD \u0000 nul\u0000';
    expect(parseLine(bad, AT).message).toBe(bad);
    const json = parseLine(JSON.stringify({ msg: bad, level: 'info' }), AT);
    expect(json).toMatchObject({ format: 'json', message: bad });
    expect(parseLine(`level=info msg="${bad}"`, AT).message).toBe(bad);
  });

  it('HTML and SQL in messages are kept verbatim', () => {
    const html = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const sql = "'; DROP TABLE logs; -- OR 1=1";
    expect(parseLine(JSON.stringify({ msg: html }), AT).message).toBe(html);
    expect(parseLine(JSON.stringify({ msg: sql }), AT).message).toBe(sql);
    expect(parseLine(`2026-11-27 10:00:00 INFO ${sql}`, AT).message).toBe(sql);
  });

  it('hostile keys do not reach the prototype', () => {
    const p = parseLine('{"__proto__":{"status":500},"constructor":"x","msg":"p"}', AT);
    expect(p.common.status).toBeNull();
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(parseLine('__proto__=1 constructor=2 msg=x', AT).format).toBe('logfmt');
  });

  it('wrong types anywhere become null, never a throw', () => {
    const p = parseLine(
      '{"time":{"a":1},"level":{"x":1},"msg":123,"status":"two hundred","duration":[1],"provider":{},"input_tokens":"lots"}',
      AT,
    );
    expect(p).toMatchObject({ format: 'json', tsFallback: true, tsIssue: 'unparseable', level: null, message: '' });
    expect(Object.values(p.common).every((v) => v === null)).toBe(true);
  });

  it('blank lines are skipped (not counted); everything else is accepted', () => {
    expect(['', '   ', '\t\r\n'].every(isBlankLine)).toBe(true);
    expect(['\u0000', 'x', '{}'].some(isBlankLine)).toBe(false);
    expect(parseLine('{}', AT)).toMatchObject({ format: 'json', message: '', tsIssue: 'missing' });
  });

  it('a correlator fed garbage keeps going', () => {
    const c = new LogCorrelator({ format: 'ccproxy' });
    const garbage = [
      '{',
      '}',
      '{"type":"http_request"}',
      '{"type":"response","msg":"HTTP response sent","status":"x","duration":"y"}',
      '{"action":"anthropic_response","request_id":42,"type":"api_action"}',
      '\u0000\u0000',
      'panic: runtime error',
    ];
    for (const g of garbage) expect(() => c.process(g, AT)).not.toThrow();
    expect(
      c.process('{"type":"response","msg":"HTTP response sent","status":"x","duration":"y"}', AT).request,
    ).toMatchObject({ status: null, durationMs: null });
  });
});
