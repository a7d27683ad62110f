import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine, trimToCharBoundary } from '@/lib/ingest/tail/line-splitter';

function split(input: Buffer, chunkSize: number, max = 16): SplitLine[] {
  const s = new LineSplitter(max);
  const out: SplitLine[] = [];
  for (let pos = 0; pos < input.length; pos += chunkSize) {
    s.feed(input.subarray(pos, pos + chunkSize), pos, (l) => (out.push(l), true));
  }
  return out;
}

describe('LineSplitter', () => {
  const input = Buffer.from(
    'short\r\n\nexactly sixteen!\nexactly sixteen!\r\nthis one is far too long\r\nü€😀 tail\nheld',
    'utf8',
  );

  it('gives the same lines and offsets whatever the chunk size', () => {
    const whole = split(input, input.length);
    expect(whole.map((l) => [l.text, l.truncated])).toEqual([
      ['short', false],
      ['', false],
      ['exactly sixteen!', false],
      ['exactly sixteen!', false],
      ['this one is far ', true],
      ['ü€😀 tail', false],
    ]);
    expect(whole.at(-1)?.end).toBe(input.length - 4);
    expect(whole.reduce((a, l) => a + l.bytes, 0)).toBe(input.length - 4);
    for (const size of [1, 2, 3, 5, 7, 16, 17]) expect(split(input, size)).toEqual(whole);
  });

  it('stops where asked and reports the resume offset', () => {
    const s = new LineSplitter(100);
    const seen: string[] = [];
    const at = s.feed(Buffer.from('a\nb\nc\n'), 10, (l) => (seen.push(l.text), seen.length < 2));
    expect(seen).toEqual(['a', 'b']);
    expect(at).toBe(14);
    expect(s.pending).toBe(0);
  });

  it('holds at most maxLineBytes of a partial line', () => {
    const s = new LineSplitter(8);
    for (let i = 0; i < 100; i++) s.feed(Buffer.alloc(1000, 0x61), i * 1000, () => true);
    expect(s.pending).toBe(100_000);
    const out: SplitLine[] = [];
    s.feed(Buffer.from('\n'), 100_000, (l) => (out.push(l), true));
    expect(out).toEqual([{ text: 'aaaaaaaa', truncated: true, end: 100_001, bytes: 100_001 }]);
  });

  it('trims an incomplete UTF-8 sequence at the cut', () => {
    const euro = Buffer.from('ab€', 'utf8');
    expect(trimToCharBoundary(euro.subarray(0, 4)).toString()).toBe('ab');
    expect(trimToCharBoundary(euro).toString()).toBe('ab€');
    expect(trimToCharBoundary(Buffer.from('abc')).toString()).toBe('abc');
  });
});
