import type { FileHandle } from 'node:fs/promises';
import fs from 'node:fs/promises';
import { type AssemblerLimits, EventAssembler } from './event-assembler';
import { FINGERPRINT_BYTES, type Fingerprint, parseFingerprint, sameFingerprint } from './fingerprint';
import { LineSplitter } from './line-splitter';
import { positionOf, type TrackedFile } from './tracked-file';
import type { FilePosition, TailSource } from './types';

/** What a truncated or forgotten file had been read up to, so a copy of it resumes there instead of re-reading. */
export interface PriorIdentity {
  fingerprint: Fingerprint;
  offset: number;
  order: number;
  at: number;
}

export interface ScanContext {
  source: TailSource;
  files: Map<string, TrackedFile>;
  recent: PriorIdentity[];
  maxLineBytes: number;
  events: AssemblerLimits;
  now: number;
  nextOrder: () => number;
  /** Positions from the store, consumed by the first scan. */
  stored: FilePosition[] | null;
  /** True only in the first scan of a source with no stored positions: the only time start_at=end applies. */
  freshSource: boolean;
  forget: FilePosition[];
}

export interface Match {
  path: string;
  size: number;
  mtimeMs: number;
}

const RECENT_TTL_MS = 5 * 60_000;
const RECENT_MAX = 64;

export function remember(ctx: ScanContext, f: TrackedFile): void {
  if (f.fingerprint.length !== FINGERPRINT_BYTES) return;
  ctx.recent.push({ fingerprint: f.fingerprint, offset: f.offset, order: f.order, at: ctx.now });
  if (ctx.recent.length > RECENT_MAX) ctx.recent.shift();
}

export function expireRecent(ctx: ScanContext): void {
  ctx.recent = ctx.recent.filter((r) => ctx.now - r.at < RECENT_TTL_MS);
}

export function findPrior(ctx: ScanContext, fp: Fingerprint): PriorIdentity | undefined {
  if (fp.length !== FINGERPRINT_BYTES) return undefined;
  for (let i = ctx.recent.length - 1; i >= 0; i--)
    if (sameFingerprint(ctx.recent[i].fingerprint, fp)) return ctx.recent[i];
  return undefined;
}

export function findLiveOriginal(ctx: ScanContext, fp: Fingerprint, except: string): TrackedFile | undefined {
  if (fp.length !== FINGERPRINT_BYTES) return undefined;
  for (const f of ctx.files.values()) {
    if (f.key !== except && f.copyOf === null && sameFingerprint(f.fingerprint, fp)) return f;
  }
  return undefined;
}

export function createTracked(
  ctx: ScanContext,
  init: {
    key: string;
    dev: number;
    ino: number;
    path: string;
    handle: FileHandle;
    order: number;
    position: FilePosition | null;
    fingerprint: Fingerprint;
    size: number;
    offset: number;
  },
): TrackedFile {
  const fp = init.position ? parseFingerprint(init.position.fingerprint) : init.fingerprint;
  const offset = init.position ? init.position.offset : init.offset;
  const size = init.position ? init.position.size : init.size;
  const f: TrackedFile = {
    key: init.key,
    dev: init.dev,
    ino: init.ino,
    path: init.path,
    handle: init.handle,
    order: init.order,
    fingerprint: fp,
    offset,
    size,
    mtimeMs: -1,
    readOffset: offset,
    splitter: new LineSplitter(ctx.maxLineBytes),
    events: new EventAssembler(ctx.events),
    base: init.position ?? { path: init.path, dev: init.dev, ino: init.ino, fingerprint: '', offset, size },
    stored: init.position !== null,
    copyOf: null,
    unmatchedSince: null,
    checked: init.position === null,
    stats: { linesRead: 0, linesTruncated: 0, lastReadAt: null, growth: 0, sampledAt: ctx.now },
  };
  if (!init.position) f.base = positionOf(f);
  ctx.files.set(f.key, f);
  return f;
}

/** Where start_at=end begins: after the last newline, so a line being written is not cut in half. */
export async function lastLineEnd(handle: FileHandle, size: number): Promise<number> {
  const span = Math.min(size, 64 * 1024);
  const buf = Buffer.alloc(span);
  const { bytesRead } = await handle.read(buf, 0, span, size - span);
  const idx = buf.subarray(0, bytesRead).lastIndexOf(10);
  if (idx === -1) return span === size ? 0 : size;
  return size - span + idx + 1;
}

export async function closeQuietly(handle: FileHandle): Promise<void> {
  await handle.close().catch(() => undefined);
}

export async function statMatches(paths: string[]): Promise<Map<string, Match>> {
  const out = new Map<string, Match>();
  for (const p of paths) {
    const st = await fs.stat(p).catch(() => null);
    if (!st?.isFile()) continue;
    const key = `${st.dev}:${st.ino}`;
    if (!out.has(key)) out.set(key, { path: p, size: st.size, mtimeMs: st.mtimeMs });
  }
  return out;
}
