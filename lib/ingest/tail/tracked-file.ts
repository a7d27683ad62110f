import type { FileHandle } from 'node:fs/promises';
import type { EventAssembler } from './event-assembler';
import { type Fingerprint, formatFingerprint, parseFingerprint } from './fingerprint';
import type { LineSplitter } from './line-splitter';
import type { FilePosition } from './types';

/** In-memory state of one inode. The handle stays open so a renamed-away or deleted file can still be drained. */
export interface TrackedFile {
  key: string;
  dev: number;
  ino: number;
  path: string;
  handle: FileHandle;
  /** Read order: files found earlier are drained before files found later (rotation: old inode first). */
  order: number;
  fingerprint: Fingerprint;
  /** End of the last complete line read (the offset to commit). */
  offset: number;
  /** Size at the last scan; reads stop there so one poll is bounded. */
  size: number;
  mtimeMs: number;
  /** Bytes consumed by the splitter; ahead of `offset` by a held partial line. */
  readOffset: number;
  splitter: LineSplitter;
  /** Joins lines into events; `offset` never passes the start of the event it holds. */
  events: EventAssembler;
  /** Last committed position (or the discovery position while `stored` is false); a failed commit reverts to it. */
  base: FilePosition;
  stored: boolean;
  /** Key of the live file this one is a copy of; a held copy is not read (see copy rule in tailer.ts). */
  copyOf: string | null;
  unmatchedSince: number | null;
  checked: boolean;
  stats: { linesRead: number; linesTruncated: number; lastReadAt: number | null; growth: number; sampledAt: number };
}

export const fileKey = (dev: number, ino: number): string => `${dev}:${ino}`;

export function positionOf(f: TrackedFile): FilePosition {
  return {
    path: f.path,
    dev: f.dev,
    ino: f.ino,
    fingerprint: formatFingerprint(f.fingerprint),
    offset: f.offset,
    size: f.size,
  };
}

/** Size alone doesn't make a file dirty: a growing partial line would otherwise cost a commit per poll. */
export function isDirty(f: TrackedFile): boolean {
  if (!f.stored) return true;
  const b = f.base;
  return f.offset !== b.offset || formatFingerprint(f.fingerprint) !== b.fingerprint || f.path !== b.path;
}

export function revertToBase(f: TrackedFile): void {
  f.path = f.base.path;
  f.fingerprint = parseFingerprint(f.base.fingerprint);
  f.offset = f.base.offset;
  f.size = f.base.size;
  f.readOffset = f.base.offset;
  f.mtimeMs = -1;
  f.splitter.reset();
  f.events.reset();
}

export function restartAtZero(f: TrackedFile, fingerprint: Fingerprint, order: number): void {
  f.fingerprint = fingerprint;
  f.offset = 0;
  f.readOffset = 0;
  f.size = 0;
  f.order = order;
  f.splitter.reset();
  f.events.reset();
}
