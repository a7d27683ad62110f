import { MAX_LINE_CHARS } from '@/lib/ingest/split-body';

const LF = 10;
const MAX_FRAME = 16 * 1024 * 1024;

/** A message as text: trailing CR, LF and NUL dropped (senders end frames with any of them). */
export function messageText(bytes: Buffer): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === LF || bytes[end - 1] === 13 || bytes[end - 1] === 0)) end--;
  return bytes.toString('utf8', 0, end);
}

/**
 * Splits a TCP syslog stream into messages (RFC 6587): a frame that starts with digits and a space is
 * octet-counted (`123 <14>1 …`), any other ends at LF. Each frame is decided on its own, as rsyslog
 * does, so one connection may mix both. A frame longer than `max` is cut there, the rest dropped.
 */
export class SyslogFramer {
  private buf: Buffer = Buffer.alloc(0);
  /** The rest of a frame cut at `max` is skipped up to its LF. */
  private skipping = false;

  constructor(private readonly max = MAX_LINE_CHARS) {}

  push(chunk: Buffer): string[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: string[] = [];
    let pos = 0;
    for (;;) {
      if (this.skipping) {
        const lf = this.buf.indexOf(LF, pos);
        if (lf < 0) {
          pos = this.buf.length;
          break;
        }
        pos = lf + 1;
        this.skipping = false;
      }
      while (pos < this.buf.length && (this.buf[pos] === LF || this.buf[pos] === 13 || this.buf[pos] === 0)) pos++;
      if (pos >= this.buf.length) break;
      const counted = this.octetCounted(pos);
      if (counted === 'wait') break;
      if (counted) {
        out.push(messageText(this.buf.subarray(counted.start, Math.min(counted.end, counted.start + this.max))));
        pos = counted.end;
        continue;
      }
      const lf = this.buf.indexOf(LF, pos);
      if (lf < 0) {
        if (this.buf.length - pos <= this.max) break;
        out.push(messageText(this.buf.subarray(pos, pos + this.max)));
        pos += this.max;
        this.skipping = true;
        continue;
      }
      const end = Math.min(lf, pos + this.max);
      out.push(messageText(this.buf.subarray(pos, end)));
      pos = lf + 1;
    }
    this.buf = this.buf.subarray(pos);
    return out.filter((m) => m.trim() !== '');
  }

  /** What is left when the sender closes: a last message without its LF. */
  end(): string[] {
    const rest = messageText(this.buf);
    this.buf = Buffer.alloc(0);
    return rest.trim() ? [rest] : [];
  }

  private octetCounted(pos: number): { start: number; end: number } | 'wait' | null {
    let i = pos;
    while (i < this.buf.length && i - pos < 10 && this.buf[i] >= 48 && this.buf[i] <= 57) i++;
    if (i === pos) return null;
    if (i >= this.buf.length) return 'wait';
    if (this.buf[i] !== 32) return null;
    const length = Number(this.buf.toString('latin1', pos, i));
    // A count no sender means (over 16 MiB) is not buffered: the frame is read as LF-ended instead.
    if (length > MAX_FRAME) return null;
    const start = i + 1;
    if (this.buf.length < start + length) return 'wait';
    return { start, end: start + length };
  }
}
