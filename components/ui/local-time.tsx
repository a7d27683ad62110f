'use client';
import { formatLocal, formatRelative, formatUtc } from '@/lib/format/time';
import { useNow } from '@/lib/time/use-now';

type Stamp = string | number | null | undefined;

const iso = (ts: Stamp) => (ts === null || ts === undefined ? undefined : new Date(ts).toISOString());

/** A time in the browser's zone, with the UTC instant in the tooltip. */
export function LocalTime({ ts, className }: { ts: Stamp; className?: string }) {
  const now = useNow();
  if (ts === null || ts === undefined) return <span className={className}>—</span>;
  return (
    <time dateTime={iso(ts)} title={formatUtc(ts)} className={className}>
      {now === 0 ? '\u00a0' : formatLocal(ts)}
    </time>
  );
}

/** "3 min ago", with local time and UTC in the tooltip. */
export function RelativeTime({ ts, className }: { ts: Stamp; className?: string }) {
  const now = useNow();
  if (ts === null || ts === undefined) return <span className={className}>—</span>;
  return (
    <time
      dateTime={iso(ts)}
      title={now === 0 ? formatUtc(ts) : `${formatLocal(ts)} · ${formatUtc(ts)}`}
      className={className}
    >
      {now === 0 ? '\u00a0' : formatRelative(ts, now)}
    </time>
  );
}
