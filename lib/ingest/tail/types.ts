import type { Clock } from '@/lib/clock';
import type { WrapperFacts } from '@/lib/logs/unwrap';

/** What the store keeps per file. Key it by (source, dev, ino); `path` is informational and changes on rename. */
export interface FilePosition {
  path: string;
  dev: number;
  ino: number;
  /** `<length>:<sha1 hex>` of the first `length` bytes (length ≤ FINGERPRINT_BYTES). */
  fingerprint: string;
  /** End of the last complete line committed; always a line boundary. */
  offset: number;
  size: number;
}

/** One event read from a file: a line, or a line with its continuation lines (multi-line events). */
export interface TailLine {
  text: string;
  truncated: boolean;
  path: string;
  /** The container runtime's wrapper the line came in, when it had one. */
  wrapper?: WrapperFacts;
}

/** A file never appears in both `positions` and `forget` of one batch. `lines` may be empty (position-only commits). */
export interface TailBatch {
  source: string;
  lines: TailLine[];
  positions: FilePosition[];
  forget: FilePosition[];
}

export interface PositionStore {
  load(source: string): FilePosition[];
}

// The implementation inserts the rows AND upserts `positions` / deletes `forget` in ONE SQLite transaction.
// If it throws (or its promise rejects), nothing was committed and the tailer must not advance (it retries
// next poll). An asynchronous commit (another thread writes) overlaps the reading of the next batch; the
// committer must then refuse a batch whose predecessor failed, since it was handed over before the failure.
export type CommitFn = (batch: TailBatch) => void | Promise<void>;

export type StartAt = 'beginning' | 'end';

export interface TailSource {
  name: string;
  /** A path, or a glob with `*`, `?`, `[abc]` in the last segment only. */
  path: string;
  startAt: StartAt;
  /** Join continuation lines into multi-line events (off for sources pinned to JSON or logfmt). */
  multiline?: boolean;
}

export interface FileTailerOptions {
  source: TailSource;
  store: PositionStore;
  commit: CommitFn;
  clock?: Clock;
  pollMs?: number;
  maxBatchLines?: number;
  maxBatchBytes?: number;
  maxLineBytes?: number;
  /** A file no longer matched (renamed away, deleted) is kept open and forgotten once drained and quiet this long. */
  forgetGraceMs?: number;
  readBufferBytes?: number;
  /** How long a held multi-line event that looks unfinished waits for its next line; 0 hands it out at once. */
  multilineWaitMs?: number;
  maxEventLines?: number;
  maxEventBytes?: number;
}

export type FileState = 'reading' | 'draining' | 'held-copy';

export interface FileStatus {
  path: string;
  state: FileState;
  size: number;
  offset: number;
  lagBytes: number;
  growthBytesPerSec: number;
  linesRead: number;
  linesTruncated: number;
  lastReadAt: number | null;
}

export interface TailStatus {
  source: string;
  pattern: string;
  files: FileStatus[];
  totals: {
    files: number;
    sizeBytes: number;
    lagBytes: number;
    growthBytesPerSec: number;
    linesRead: number;
    linesTruncated: number;
  };
  lastPollAt: number | null;
  lastCommitAt: number | null;
  lastError: string | null;
}
