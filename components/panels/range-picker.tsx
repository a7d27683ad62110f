'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { matchPreset, RANGE_PRESETS, type TimeRange } from '@/lib/time/range';

/** Preset ranges as links, so the range lives in the URL (`from=now-24h&to=now`) and survives reloads and sharing. */
export function RangePicker({ range }: { range: TimeRange }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const current = matchPreset(range);
  const hrefFor = (preset: string) => {
    const next = new URLSearchParams(params);
    next.set('from', `now-${preset}`);
    next.set('to', 'now');
    return `${pathname}?${next}`;
  };
  return (
    <nav aria-label="Time range" className="flex flex-wrap items-center gap-1">
      {RANGE_PRESETS.map((p) => (
        <Link
          key={p}
          href={hrefFor(p)}
          scroll={false}
          replace
          aria-current={current === p ? 'true' : undefined}
          className={`tabular rounded-md border px-2.5 py-1 text-xs font-medium ${
            current === p ? 'border-accent bg-accent text-accent-fg' : 'border-line bg-surface text-fg hover:bg-surface-2'
          }`}
        >
          {p}
        </Link>
      ))}
      {current === null && (
        <span className="ml-1 text-xs text-muted" title={`${range.from} → ${range.to}`}>
          custom range
        </span>
      )}
    </nav>
  );
}
