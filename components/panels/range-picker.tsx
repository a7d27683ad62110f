'use client';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { formatLocal, formatUtc } from '@/lib/format/time';
import { matchPreset, RANGE_PRESETS, resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { useSetParams } from '@/lib/time/use-set-params';
import { RefreshPicker } from './refresh-picker';

const toInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** Grafana-style: preset links and a custom from/to, all in the URL (`from=now-24h&to=now`), plus the refresh picker. */
export function RangePicker({ range, refresh = true }: { range: TimeRange; refresh?: boolean }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const setParams = useSetParams();
  const [open, setOpen] = useState(false);
  const current = matchPreset(range);
  const hrefFor = (preset: string) => {
    const next = new URLSearchParams(params);
    next.set('from', `now-${preset}`);
    next.set('to', 'now');
    return `${pathname}?${next}`;
  };
  // Zone-dependent text waits for the browser (useNow is 0 during server render and hydration).
  const now = useNow();
  const bounds = resolveRange(range, now || Date.now());
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = Date.parse(String(data.get('from')));
    const to = Date.parse(String(data.get('to')));
    if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) return;
    setParams({ from: String(from), to: String(to) }, { push: true });
    setOpen(false);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <nav aria-label="Time range" className="flex flex-wrap items-center gap-1">
        {RANGE_PRESETS.map((p) => (
          <Link
            key={p}
            href={hrefFor(p)}
            scroll={false}
            replace
            aria-current={current === p ? 'true' : undefined}
            className={`tabular rounded-md border px-2.5 py-1 text-xs font-medium ${
              current === p
                ? 'border-accent bg-accent text-accent-fg'
                : 'border-line bg-surface text-fg hover:bg-surface-2'
            }`}
          >
            {p}
          </Link>
        ))}
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
          title={now ? `${formatUtc(bounds.from)} → ${formatUtc(bounds.to)}` : undefined}
          className={`rounded-md border px-2.5 py-1 text-xs font-medium ${current === null ? 'border-accent bg-accent text-accent-fg' : 'border-line bg-surface hover:bg-surface-2'}`}
        >
          {current === null && now ? `${formatLocal(bounds.from)} → ${formatLocal(bounds.to)}` : 'Custom'}
        </button>
      </nav>
      {open && (
        <form
          onSubmit={apply}
          className="flex w-full flex-wrap items-end gap-2 rounded-md border border-line bg-surface p-2 text-xs sm:w-auto"
          aria-label="Custom time range"
        >
          <label className="flex flex-col gap-1">
            From
            <input
              name="from"
              type="datetime-local"
              required
              defaultValue={toInput(bounds.from)}
              className="rounded border border-line bg-bg px-2 py-1"
            />
          </label>
          <label className="flex flex-col gap-1">
            To
            <input
              name="to"
              type="datetime-local"
              required
              defaultValue={toInput(bounds.to)}
              className="rounded border border-line bg-bg px-2 py-1"
            />
          </label>
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-semibold text-accent-fg">
            Apply
          </button>
        </form>
      )}
      {refresh && <RefreshPicker />}
    </div>
  );
}
