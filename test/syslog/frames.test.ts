import { describe, expect, it } from 'vitest';
import { messageText, SyslogFramer } from '@/lib/syslog/frames';

describe('TCP syslog framing (RFC 6587)', () => {
  it('splits octet-counted and LF-ended frames, mixed and cut across chunks', () => {
    const f = new SyslogFramer();
    const stream = Buffer.from('11 <14>1 - a b\n<13>Dec  5 10:00:00 h t: plain\r\n17 <14>1 - two\nlines');
    const out: string[] = [];
    for (let i = 0; i < stream.length; i += 3) out.push(...f.push(stream.subarray(i, i + 3)));
    out.push(...f.end());
    expect(out).toEqual(['<14>1 - a b', '<13>Dec  5 10:00:00 h t: plain', '<14>1 - two\nlines']);
  });

  it('reads a line starting with digits but no count as LF-ended, and cuts frames longer than the limit', () => {
    const f = new SyslogFramer(10);
    expect(f.push(Buffer.from('2026-12-05 x\n'))).toEqual(['2026-12-05']);
    expect(f.push(Buffer.from(`${'y'.repeat(25)}\nnext\n`))).toEqual(['yyyyyyyyyy', 'next']);
    expect(f.push(Buffer.from('w'.repeat(15)))).toEqual(['wwwwwwwwww']);
    expect(f.push(Buffer.from(`${'w'.repeat(15)}\nafter\n`))).toEqual(['after']);
    expect(f.push(Buffer.from(`15 ${'z'.repeat(15)}`))).toEqual(['zzzzzzzzzz']);
  });

  it('drops the trailing NUL, CR and LF senders end messages with', () => {
    expect(messageText(Buffer.from('<14>hi\r\n\0'))).toBe('<14>hi');
  });
});
