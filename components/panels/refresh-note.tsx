'use client';
import { formatMs } from '@/lib/format/number';

/** Tells the viewer how fresh the numbers are, and flags a failing refresh without hiding old data. */
export function RefreshNote({
  refreshMs,
  validating,
  failed,
}: {
  refreshMs: number;
  validating: boolean;
  failed: boolean;
}) {
  return (
    <p className="text-xs text-muted" aria-live="polite">
      {failed ? <span className="text-down">Refresh failed; showing the last data. </span> : null}
      {refreshMs > 0 ? `Auto-refresh every ${formatMs(refreshMs)}` : 'Auto-refresh off'}
      {validating ? ' · updating…' : ''}
    </p>
  );
}
