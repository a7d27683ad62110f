import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

export const FINGERPRINT_BYTES = 1024;

/** sha1 of the first `length` bytes. A file shorter than FINGERPRINT_BYTES gets a short fingerprint that is extended as it grows. */
export interface Fingerprint {
  length: number;
  hash: string;
}

const sha1 = (buf: Buffer): string => createHash('sha1').update(buf).digest('hex');

export const EMPTY_FINGERPRINT: Fingerprint = { length: 0, hash: sha1(Buffer.alloc(0)) };

export function formatFingerprint(fp: Fingerprint): string {
  return `${fp.length}:${fp.hash}`;
}

export function parseFingerprint(text: string): Fingerprint {
  const m = /^(\d+):([0-9a-f]{40})$/.exec(text);
  return m ? { length: Number(m[1]), hash: m[2] } : EMPTY_FINGERPRINT;
}

export function sameFingerprint(a: Fingerprint, b: Fingerprint): boolean {
  return a.length === b.length && a.hash === b.hash;
}

async function readHead(handle: FileHandle, size: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.min(size, FINGERPRINT_BYTES));
  let got = 0;
  while (got < buf.length) {
    const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return buf.subarray(0, got);
}

export async function computeFingerprint(handle: FileHandle, size: number): Promise<Fingerprint> {
  const head = await readHead(handle, size);
  return { length: head.length, hash: sha1(head) };
}

/**
 * Checks that the file still starts with the bytes `known` was taken over, and returns the fingerprint extended to
 * what now exists (up to FINGERPRINT_BYTES), or null when the content was replaced (truncated and rewritten, inode reused).
 */
export async function verifyFingerprint(
  handle: FileHandle,
  size: number,
  known: Fingerprint,
): Promise<Fingerprint | null> {
  if (size < known.length) return null;
  if (known.length === FINGERPRINT_BYTES || size === known.length) {
    if (known.length === 0) return known;
    const head = await readHead(handle, known.length);
    return head.length === known.length && sha1(head) === known.hash ? known : null;
  }
  const head = await readHead(handle, size);
  if (head.length < known.length || sha1(head.subarray(0, known.length)) !== known.hash) return null;
  return { length: head.length, hash: sha1(head) };
}

const WINDOW_BYTES = 64 * 1024;

/** Compares the window of up to 64 KiB ending at `end` in both files: the proof that a same-fingerprint file is a copy. */
export async function sameContentBefore(a: FileHandle, b: FileHandle, end: number): Promise<boolean> {
  const len = Math.min(end, WINDOW_BYTES);
  const start = end - len;
  const [x, y] = [Buffer.alloc(len), Buffer.alloc(len)];
  const [rx, ry] = await Promise.all([a.read(x, 0, len, start), b.read(y, 0, len, start)]);
  return rx.bytesRead === len && ry.bytesRead === len && x.equals(y);
}
