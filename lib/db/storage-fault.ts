/** Why a write failed for lack of space: SQLite's own answer, or the errno behind a file write. */
export const STORAGE_FAULT_REASONS = ['SQLITE_FULL', 'ENOSPC', 'EDQUOT'] as const;
export type StorageFaultReason = (typeof STORAGE_FAULT_REASONS)[number];

const codeOf = (err: unknown): string =>
  typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : '';
const messageOf = (err: unknown): string =>
  err instanceof Error ? err.message : typeof err === 'string' ? err : String(err ?? '');

/**
 * The one place that decides whether a failure means "the disk under the data directory is full".
 * Errors that crossed a thread arrive as text, so SQLite's and libc's messages are matched too.
 */
export function storageFault(err: unknown, diskNearlyFull?: () => boolean): StorageFaultReason | null {
  const code = codeOf(err);
  const message = messageOf(err);
  if (code === 'SQLITE_FULL' || /database or disk is full/i.test(message)) return 'SQLITE_FULL';
  if (code === 'EDQUOT' || /\bEDQUOT\b|disk quota exceeded/i.test(message)) return 'EDQUOT';
  if (code === 'ENOSPC' || /\bENOSPC\b|no space left on device/i.test(message)) return 'ENOSPC';
  // SQLite reports a failed write(2) as SQLITE_IOERR_WRITE without the errno: on a disk with no room left it is ENOSPC.
  if (WRITE_IOERRS.has(code) && diskNearlyFull?.()) return 'ENOSPC';
  return null;
}

const WRITE_IOERRS = new Set([
  'SQLITE_IOERR',
  'SQLITE_IOERR_WRITE',
  'SQLITE_IOERR_FSYNC',
  'SQLITE_IOERR_TRUNCATE',
  'SQLITE_IOERR_SHMSIZE',
]);

/** A write was refused because the disk is full; nothing of it was stored (HTTP 507). */
export function storageFullMessage(reason: StorageFaultReason): string {
  return `the disk under the data directory is full (${reason}); nothing of this request was stored. Free space or lower retention; Lookout resumes on its own.`;
}
