import { describe, expect, it } from 'vitest';
import { anchoredRegex, InMemorySeriesSource } from '@/lib/rules/series-source';

// Prometheus 3 parses label regexes with DotNL (docs/alerting.md#semantics-worth-knowing); Alertmanager's do not.
describe('PromQL label regexes', () => {
  it('match the whole value, with . across newlines and RE2 flags inside', () => {
    expect(anchoredRegex('a.b').test('a\nb')).toBe(true);
    expect(anchoredRegex('a.*').test('a\nb\nc')).toBe(true);
    expect(anchoredRegex('(?i)crit.*').test('CRITICAL')).toBe(true);
    expect(anchoredRegex('b').test('abc')).toBe(false);
  });

  it('anchor by concatenation as Go does: a)|(b is half-anchored on each side', () => {
    const re = anchoredRegex('a)|(b');
    expect(re.test('ax')).toBe(true);
    expect(re.test('xb')).toBe(true);
    expect(re.test('xa')).toBe(false);
  });

  it('select series whose label holds a newline', () => {
    const src = new InMemorySeriesSource();
    src.add({ __name__: 'm', msg: 'line one\nline two' }, [[0, 1]]);
    expect(src.select([{ name: 'msg', op: '=~', value: 'line.*two' }], 0, 0)).toHaveLength(1);
  });
});
