import type { TrackedFile } from './tracked-file';
import type { TailLine } from './types';

/** Accumulates one commit's worth of lines; `full` once either cap is reached (a batch never splits a line). */
export class BatchBuilder {
  readonly lines: TailLine[] = [];
  bytes = 0;
  /** Per-file counts, applied to the file's stats only once the batch is committed. */
  readonly touched = new Map<TrackedFile, { lines: number; truncated: number }>();

  constructor(
    private readonly maxLines: number,
    private readonly maxBytes: number,
  ) {}

  get full(): boolean {
    return this.lines.length >= this.maxLines || this.bytes >= this.maxBytes;
  }
}

/**
 * Reads `f` from its read offset up to the size seen at the last scan with a fixed buffer. Returns true when the
 * batch filled up; the file's read offset then sits on the last line taken, so the next batch resumes exactly there.
 */
export async function readInto(f: TrackedFile, batch: BatchBuilder, buf: Buffer): Promise<boolean> {
  while (f.readOffset < f.size && !batch.full) {
    const want = Math.min(buf.length, f.size - f.readOffset);
    const { bytesRead } = await f.handle.read(buf, 0, want, f.readOffset);
    if (bytesRead === 0) break;
    const stoppedAt = f.splitter.feed(buf.subarray(0, bytesRead), f.readOffset, (line) => {
      f.offset = line.end;
      let counts = batch.touched.get(f);
      if (!counts) batch.touched.set(f, (counts = { lines: 0, truncated: 0 }));
      // Blank lines are dropped by the pipeline anyway; the offset still moves past them.
      if (line.text.length === 0) return true;
      batch.lines.push({ text: line.text, truncated: line.truncated, path: f.path });
      batch.bytes += line.bytes;
      counts.lines++;
      if (line.truncated) counts.truncated++;
      return !batch.full;
    });
    f.readOffset = stoppedAt ?? f.readOffset + bytesRead;
  }
  return batch.full;
}
