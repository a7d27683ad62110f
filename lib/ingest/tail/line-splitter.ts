export interface SplitLine {
  /** Decoded UTF-8 (invalid bytes become U+FFFD), without the trailing \r\n or \n. */
  text: string;
  truncated: boolean;
  /** File offset just past this line's \n. */
  end: number;
  /** Raw bytes of the line including its terminator. */
  bytes: number;
}

const LF = 10;
const CR = 13;

/** Cuts before an incomplete trailing UTF-8 sequence, so truncation never manufactures a replacement character. */
export function trimToCharBoundary(buf: Buffer): Buffer {
  let j = buf.length - 1;
  while (j > 0 && j >= buf.length - 3 && (buf[j] & 0xc0) === 0x80) j--;
  if (j < 0) return buf;
  const lead = buf[j];
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return j + need > buf.length ? buf.subarray(0, j) : buf;
}

/**
 * Splits a byte stream into lines across chunk boundaries. A partial line is held (at most maxLineBytes of it);
 * the rest of an over-long line is only counted, so a 2 MiB line costs 256 KiB of memory, not 2 MiB.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private stored = 0;
  private lineLen = 0;
  private lastByte = -1;

  constructor(private readonly maxLineBytes: number) {}

  /** Bytes of the held partial line (counted, not necessarily stored). */
  get pending(): number {
    return this.lineLen;
  }

  reset(): void {
    this.parts = [];
    this.stored = 0;
    this.lineLen = 0;
    this.lastByte = -1;
  }

  /**
   * Feeds `chunk` read at file offset `pos`. Returns null when the whole chunk was consumed, or the offset just past
   * the line where `onLine` returned false; the caller then resumes reading there (the splitter is reset).
   */
  feed(chunk: Buffer, pos: number, onLine: (line: SplitLine) => boolean): number | null {
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf(LF, start);
      if (nl === -1) {
        this.hold(chunk, start);
        return null;
      }
      const line = this.complete(chunk, start, nl, pos + nl + 1);
      start = nl + 1;
      if (!onLine(line)) {
        this.reset();
        return pos + start;
      }
    }
    return null;
  }

  private hold(chunk: Buffer, start: number): void {
    const n = chunk.length - start;
    const keep = Math.min(n, this.maxLineBytes - this.stored);
    // Copy: the caller reuses its read buffer.
    if (keep > 0) this.parts.push(Buffer.from(chunk.subarray(start, start + keep)));
    this.stored += keep;
    this.lineLen += n;
    this.lastByte = chunk[chunk.length - 1];
  }

  private complete(chunk: Buffer, start: number, nl: number, end: number): SplitLine {
    const total = this.lineLen + (nl - start);
    const last = nl > start ? chunk[nl - 1] : this.lastByte;
    const contentLen = last === CR ? total - 1 : total;
    const truncated = contentLen > this.maxLineBytes;
    let text: string;
    if (this.lineLen === 0) {
      text = truncated
        ? trimToCharBoundary(chunk.subarray(start, start + this.maxLineBytes)).toString('utf8')
        : chunk.toString('utf8', start, start + contentLen);
    } else {
      const take = Math.min(nl - start, this.maxLineBytes - this.stored);
      const head = Buffer.concat([...this.parts, chunk.subarray(start, start + Math.max(0, take))]);
      text = truncated
        ? trimToCharBoundary(head.subarray(0, this.maxLineBytes)).toString('utf8')
        : head.toString('utf8', 0, contentLen);
    }
    this.reset();
    return { text, truncated, end, bytes: total + 1 };
  }
}
