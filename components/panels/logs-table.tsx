'use client';
import { useEffect, useRef, useState } from 'react';
import type { LogEntry } from '@/lib/swr/types';
import { LogRow } from './log-row';

interface Props {
  lines: LogEntry[];
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}

/** Matching lines, newest first; scrolling to the end asks for the next page (the button does the same by keyboard). */
export function LogsTable({ lines, hasMore, loadingMore, onMore }: Props) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !loadingMore) onMore();
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, loadingMore, onMore]);
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <div>
      <div className="overflow-x-auto">
        <table
          className="w-full table-fixed text-left text-sm sm:table-auto"
          aria-label="Matching log lines, newest first"
        >
          <thead>
            <tr className="border-b border-line text-xs text-muted">
              <th scope="col" className="w-36 px-1 py-1.5 font-medium sm:w-44 sm:px-2">
                Time
              </th>
              <th scope="col" className="w-11 px-1 py-1.5 font-medium sm:w-14 sm:px-2">
                Level
              </th>
              <th scope="col" className="hidden px-2 py-1.5 font-medium md:table-cell">
                Source
              </th>
              <th scope="col" className="w-10 px-1 py-1.5 font-medium sm:w-14 sm:px-2">
                Status
              </th>
              <th scope="col" className="hidden px-2 py-1.5 font-medium sm:table-cell">
                Duration
              </th>
              <th scope="col" className="px-2 py-1.5 font-medium">
                Message
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <LogRow key={l.id} entry={l} open={open.has(l.id)} onToggle={() => toggle(l.id)} />
            ))}
          </tbody>
        </table>
      </div>
      <div ref={sentinel} className="py-3 text-center text-xs text-muted">
        {hasMore ? (
          <button
            type="button"
            onClick={onMore}
            disabled={loadingMore}
            className="rounded-md border border-line px-3 py-1.5 hover:bg-surface-2 disabled:opacity-60"
          >
            {loadingMore ? 'Loading older lines…' : 'Load older lines'}
          </button>
        ) : (
          `${lines.length} line${lines.length === 1 ? '' : 's'} — the end of this range`
        )}
      </div>
    </div>
  );
}
