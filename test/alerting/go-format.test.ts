import { describe, expect, it } from 'vitest';
import { compareMatchers, formatMatchers, parseMatchers } from '@/lib/alerting';
import { formatLabelSet, goQuote } from '@/lib/alerting/go-format';

describe("Go's formatting in Alertmanager keys", () => {
  it('strconv.Quote: printable Unicode kept, control characters escaped', () => {
    expect(goQuote('Zürich 東京 😀')).toBe('"Zürich 東京 😀"');
    expect(goQuote('a"b\\c\n\t\x01\u00a0\u2028')).toBe('"a\\"b\\\\c\\n\\t\\x01\\u00a0\\u2028"');
  });

  it('a label set sorts its formatted pairs, so `a0` comes before `a`', () => {
    expect(formatLabelSet({ a: '1', a0: '2', b: 'x' })).toBe('{a0="2", a="1", b="x"}');
    expect(formatLabelSet({})).toBe('{}');
  });

  it('matchers sort by name, value, then type, and print with openMetricsEscape', () => {
    const ms = parseMatchers('a!="z", a=~"x|y", a="x", b="tab\there"').sort(compareMatchers);
    expect(formatMatchers(ms)).toBe('{a="x",a=~"x|y",a!="z",b="tab\there"}'); // a tab stays raw
  });

  it('parses matchers as Alertmanager 0.25 (unquoted values, spurious escapes kept, unescaped quotes refused)', () => {
    expect(parseMatchers('{foo=bar, baz!~"a\\nb"}')).toEqual([
      { name: 'foo', op: '=', value: 'bar' },
      { name: 'baz', op: '!~', value: 'a\nb' },
    ]);
    expect(() => parseMatchers('a="b"c"')).toThrow('matcher value contains unescaped double quote');
    expect(() => parseMatchers('a=~"(?=x)"')).toThrow('invalid or unsupported Perl syntax');
    expect(() => parseMatchers('1a="b"')).toThrow('bad matcher format');
  });
});
