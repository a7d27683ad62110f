import type { AssembledEvent } from './event-assembler';
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

function emitter(f: TrackedFile, batch: BatchBuilder): (e: AssembledEvent) => void {
  return (e) => {
    let counts = batch.touched.get(f);
    if (!counts) batch.touched.set(f, (counts = { lines: 0, truncated: 0 }));
    const line: TailLine = { text: e.text, truncated: e.truncated, path: f.path };
    if (e.wrapper) line.wrapper = e.wrapper;
    batch.lines.push(line);
    batch.bytes += e.bytes;
    counts.lines++;
    if (e.truncated) counts.truncated++;
  };
}

/**
 * Reads `f` from its read offset up to the size seen at the last scan with a fixed buffer. Returns true when the
 * batch filled up; the file's read offset then sits on the last line taken, so the next batch resumes exactly there.
 * The offset to commit stops at the start of an event still held (multi-line events).
 */
export async function readInto(f: TrackedFile, batch: BatchBuilder, buf: Buffer, now: number): Promise<boolean> {
  const emit = emitter(f, batch);
  while (f.readOffset < f.size && !batch.full) {
    const want = Math.min(buf.length, f.size - f.readOffset);
    const { bytesRead } = await f.handle.read(buf, 0, want, f.readOffset);
    if (bytesRead === 0) break;
    const stoppedAt = f.splitter.feed(buf.subarray(0, bytesRead), f.readOffset, (line) => {
      // Blank lines are dropped by the pipeline anyway; the offset still moves past them.
      if (line.text.length > 0) f.events.push(line.text, line.truncated, line.end - line.bytes, line.bytes, now, emit);
      f.offset = f.events.heldFrom ?? line.end;
      return !batch.full;
    });
    f.readOffset = stoppedAt ?? f.readOffset + bytesRead;
  }
  return batch.full;
}

/**
 * At the end of what a file has, hands out its held event unless it looks unfinished (a trace, a split container
 * line) and its next line may still come within `waitMs`.
 */
export function flushHeld(f: TrackedFile, batch: BatchBuilder, now: number, waitMs: number): void {
  if (f.events.heldFrom === null) return;
  if (f.events.open && now - f.events.lastAt < waitMs) return;
  f.events.flush(emitter(f, batch));
  f.offset = f.readOffset - f.splitter.pending;
}
