import { describe, expect, it } from 'vitest';
import { compileAnchoredRe2, compileRe2, Re2SyntaxError } from '@/lib/regex/re2';

describe('compileAnchoredRe2', () => {
  it('always uses the u flag and never s; a leading (?i) becomes the i flag', () => {
    expect(compileAnchoredRe2('a.b').flags).toBe('u');
    expect(compileAnchoredRe2('(?i)foo').flags).toBe('iu');
    expect(compileAnchoredRe2('(?i)foo').source).toBe('^(?:foo)$');
  });

  it('matches the whole value only', () => {
    expect(compileAnchoredRe2('foo').test('foo')).toBe(true);
    expect(compileAnchoredRe2('foo').test('xfoo')).toBe(false);
    expect(compileAnchoredRe2('foo|bar').test('foobar')).toBe(false);
    expect(compileAnchoredRe2('').test('')).toBe(true);
  });

  it('`.` is one code point other than \\n, astral characters included', () => {
    const dot = compileAnchoredRe2('.');
    expect(['😀', 'é', '\r', '\u2028'].map((v) => dot.test(v))).toEqual([true, true, true, true]);
    expect(dot.test('\n')).toBe(false);
    expect(compileAnchoredRe2('(?s).').test('\n')).toBe(true);
  });

  it('scopes case-insensitivity like Go when it covers only part of the pattern', () => {
    const re = compileAnchoredRe2('a(?i:b)c');
    expect(re.flags).toBe('u');
    expect(['abc', 'aBc', 'ABc', 'aBC'].map((v) => re.test(v))).toEqual([true, true, false, false]);
    expect(compileAnchoredRe2('(?i)K').test('\u212a')).toBe(true);
  });

  it('translates POSIX classes, Unicode properties, \\Q…\\E, \\A, \\z and octal/hex escapes', () => {
    expect(compileAnchoredRe2('[[:digit:][:upper:]]+').test('A1')).toBe(true);
    expect(compileAnchoredRe2('\\pL\\p{Greek}').test('xα')).toBe(true);
    expect(compileAnchoredRe2('\\Q.*\\E').test('.*')).toBe(true);
    expect(compileAnchoredRe2('\\Afoo\\z').test('foo')).toBe(true);
    expect(compileAnchoredRe2('\\101\\x42\\x{1F600}').test('AB😀')).toBe(true);
  });

  it('Perl classes are ASCII, as in RE2', () => {
    expect(compileAnchoredRe2('\\d').test('١')).toBe(false);
    expect(compileAnchoredRe2('\\s').test('\u00a0')).toBe(false);
    expect(compileAnchoredRe2('\\s').test('\v')).toBe(false);
    expect(compileAnchoredRe2('\\w').test('é')).toBe(false);
  });

  it('refuses what RE2 refuses, with Go-style messages', () => {
    const msg = (p: string) => {
      try {
        compileRe2(p);
        return null;
      } catch (err) {
        expect(err).toBeInstanceOf(Re2SyntaxError);
        return (err as Error).message;
      }
    };
    expect(msg('a(?=b)')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(msg('(?<!a)b')).toBe('error parsing regexp: invalid or unsupported Perl syntax: `(?<`');
    expect(msg('(a)\\1')).toBe('error parsing regexp: invalid escape sequence: `\\1`');
    expect(msg('a++')).toBe('error parsing regexp: invalid nested repetition operator: `++`');
    expect(msg('a\\Z')).toBe('error parsing regexp: invalid escape sequence: `\\Z`');
    expect(msg('(?P<a>x)(?P<a>y)')).toBeNull();
  });

  it('caches compiled patterns', () => {
    expect(compileAnchoredRe2('x+')).toBe(compileAnchoredRe2('x+'));
  });
});

describe('named captures', () => {
  it('keeps (?P<name>…) for $name expansion, and accepts a name twice as Go does', () => {
    expect(compileAnchoredRe2('/(?P<name>[a-z]+)/.*').exec('/api/v1')?.groups?.name).toBe('api');
    expect(compileAnchoredRe2('(?P<n>a)(?P<n>b)').test('ab')).toBe(true);
    expect(compileAnchoredRe2('(?P<1a>x)').exec('x')?.[1]).toBe('x');
  });
});
