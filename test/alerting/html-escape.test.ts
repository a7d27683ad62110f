import { describe, expect, it } from 'vitest';
import { htmlTemplateEscaper as esc, stripHtmlComments } from '@/lib/alerting/html-escape';
import { truncateBytes, truncateRunes } from '@/lib/alerting/receivers/common';

describe("html/template's contextual escaping (the contexts Alertmanager's templates use)", () => {
  it('element text: Go htmlEscaper (+ and quotes as numeric entities); a trailing `html` is kept', () => {
    expect(esc(`a<b>&"c"'d'+\0`, '<p>', null)).toBe('a&lt;b&gt;&amp;&#34;c&#34;&#39;d&#39;&#43;\uFFFD');
    expect(esc('&lt;', '<p>', 'html')).toBe('&lt;');
  });

  it('quoted non-URL attribute: escaped like text', () => {
    expect(esc('a"b', '<td class="', null)).toBe('a&#34;b');
  });

  it('URL attribute start: unsafe schemes filtered, others normalised then attribute-escaped', () => {
    expect(esc('javascript:alert(1)', '<a href="', null)).toBe('#ZgotmplZ');
    expect(esc('http://h/a b?x=1&y=é', '<a href="', null)).toBe('http://h/a%20b?x=1&amp;y=%c3%a9');
    expect(esc('/rel:ative', '<a href="', null)).toBe('/rel:ative');
  });

  it('URL query part: percent-encoded, unless the pipeline ends in urlquery', () => {
    expect(esc('a b&c', '<a href="http://h/?r=', null)).toBe('a%20b%26c');
    expect(esc('team+x', '<a href="http://h/?r=', 'urlquery')).toBe('team&#43;x');
  });

  it('drops HTML comments', () => {
    expect(stripHtmlComments('a<!-- x\n y -->b<!--z-->c')).toBe('abc');
  });
});

describe("Alertmanager's truncation", () => {
  it('TruncateInRunes ends with … and counts code points', () => {
    expect(truncateRunes('héllo', 5)).toBe('héllo');
    expect(truncateRunes('héllo wörld', 5)).toBe('héll…');
    expect(truncateRunes('abcdef', 3)).toBe('abc');
  });

  it('TruncateInBytes never splits a character', () => {
    expect(truncateBytes('ééé', 6)).toBe('ééé');
    expect(truncateBytes('éééé', 6)).toBe('é…');
    expect(truncateBytes('aéééé', 7)).toBe('aé…');
    expect(truncateBytes('abcdef', 2)).toBe('..');
  });
});
