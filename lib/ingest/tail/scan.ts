import fs from 'node:fs/promises';
import { computeFingerprint, sameContentBefore, sameFingerprint, verifyFingerprint } from './fingerprint';
import { expandGlob } from './glob';
import {
  closeQuietly,
  createTracked,
  expireRecent,
  findLiveOriginal,
  findPrior,
  lastLineEnd,
  type Match,
  remember,
  type ScanContext,
  statMatches,
} from './scan-context';
import { sampleGrowth } from './status';
import { fileKey, positionOf, restartAtZero, type TrackedFile } from './tracked-file';

/** One discovery pass: adopt stored positions, refresh known files (rename, truncation), release copies, find new files. */
export async function scanFiles(ctx: ScanContext): Promise<void> {
  const matched = await statMatches(await expandGlob(ctx.source.path));
  if (ctx.stored) await adoptStored(ctx, matched);
  for (const f of ctx.files.values()) await refreshFile(ctx, f, matched.get(f.key));
  releaseCopies(ctx);
  for (const [key, m] of matched) if (!ctx.files.has(key)) await discover(ctx, m);
  expireRecent(ctx);
}

async function adoptStored(ctx: ScanContext, matched: Map<string, Match>): Promise<void> {
  const stored = ctx.stored ?? [];
  ctx.stored = null;
  // Oldest-modified first: after a restart a rotated file is still drained before its successor.
  const found = stored
    .map((p) => ({ p, m: matched.get(fileKey(p.dev, p.ino)) }))
    .sort((a, b) => (a.m?.mtimeMs ?? 0) - (b.m?.mtimeMs ?? 0));
  for (const { p, m } of found) {
    const handle = m ? await fs.open(m.path, 'r').catch(() => null) : null;
    const st = handle ? await handle.stat().catch(() => null) : null;
    if (!m || !handle || !st || st.dev !== p.dev || st.ino !== p.ino) {
      if (handle) await closeQuietly(handle);
      ctx.forget.push(p);
      continue;
    }
    const key = fileKey(p.dev, p.ino);
    createTracked(ctx, {
      key,
      dev: p.dev,
      ino: p.ino,
      path: m.path,
      handle,
      order: ctx.nextOrder(),
      position: p,
      fingerprint: { length: 0, hash: '' },
      size: p.size,
      offset: p.offset,
    });
  }
}

async function refreshFile(ctx: ScanContext, f: TrackedFile, m: Match | undefined): Promise<void> {
  if (m) {
    f.path = m.path;
    f.unmatchedSince = null;
  } else f.unmatchedSince ??= ctx.now;
  const st = await f.handle.stat().catch(() => null);
  if (!st) return;
  sampleGrowth(f, st.size, ctx.now);
  if (f.checked && st.size === f.size && st.mtimeMs === f.mtimeMs) return;
  f.checked = true;
  f.mtimeMs = st.mtimeMs;
  if (!m && st.size > f.size) f.unmatchedSince = ctx.now;
  if (f.copyOf !== null) {
    f.size = st.size;
    return;
  }
  const fp = st.size < f.size ? null : await verifyFingerprint(f.handle, st.size, f.fingerprint);
  if (fp) f.fingerprint = fp;
  else {
    // Truncated (copytruncate) or rewritten in place: this inode's content is new, read it from 0.
    remember(ctx, f);
    restartAtZero(f, await computeFingerprint(f.handle, st.size), ctx.nextOrder());
  }
  f.size = st.size;
}

function releaseCopies(ctx: ScanContext): void {
  for (const f of ctx.files.values()) {
    if (f.copyOf === null) continue;
    const original = ctx.files.get(f.copyOf);
    if (original && original.copyOf === null && sameFingerprint(original.fingerprint, f.fingerprint)) continue;
    const prior = findPrior(ctx, f.fingerprint);
    f.copyOf = null;
    f.offset = f.readOffset = prior ? Math.min(prior.offset, f.size) : 0;
    if (prior) f.order = prior.order;
    f.base = positionOf(f);
  }
}

async function discover(ctx: ScanContext, m: Match): Promise<void> {
  const handle = await fs.open(m.path, 'r').catch(() => null);
  if (!handle) return;
  const st = await handle.stat().catch(() => null);
  const key = st ? fileKey(st.dev, st.ino) : '';
  if (!st?.isFile() || ctx.files.has(key)) {
    await closeQuietly(handle);
    return;
  }
  const fingerprint = await computeFingerprint(handle, st.size);
  const candidate = findLiveOriginal(ctx, fingerprint, key);
  // Same first KiB but different content before our offset: two distinct files, not a copy (e.g. a shared banner).
  const isCopy = candidate
    ? await sameContentBefore(candidate.handle, handle, Math.min(candidate.offset, st.size))
    : false;
  const original = isCopy ? candidate : undefined;
  const prior = candidate ? undefined : findPrior(ctx, fingerprint);
  let offset = 0;
  if (prior) offset = Math.min(prior.offset, st.size);
  else if (!original && ctx.freshSource && ctx.source.startAt === 'end') offset = await lastLineEnd(handle, st.size);
  const f = createTracked(ctx, {
    key,
    dev: st.dev,
    ino: st.ino,
    path: m.path,
    handle,
    order: prior?.order ?? ctx.nextOrder(),
    position: null,
    fingerprint,
    size: st.size,
    offset,
  });
  f.mtimeMs = st.mtimeMs;
  if (original) f.copyOf = original.key;
}
