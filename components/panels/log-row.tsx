'use client';
import { Fragment } from 'react';
import { LocalTime } from '@/components/ui/local-time';
import { formatMs } from '@/lib/format/number';
import { levelColor, statusColor } from '@/lib/format/palette';
import type { LogEntry } from '@/lib/swr/types';

const TOP_FIELDS = [
  'ts',
  'source',
  'level',
  'message',
  'provider',
  'model',
  'status',
  'duration_ms',
  'input_tokens',
  'output_tokens',
  'request_id',
  'flags',
] as const;

// Everything is rendered as React text, never as HTML: log lines are untrusted input.
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export function LogRow({ entry, open, onToggle }: { entry: LogEntry; open: boolean; onToggle: () => void }) {
  const fields = Object.entries(entry.fields ?? {});
  return (
    <>
      <tr className="border-b border-line align-top hover:bg-surface-2" data-testid="log-row">
        <td className="whitespace-nowrap px-1 py-1 sm:px-2">
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} every field`}
            className="mr-1 w-4 text-muted"
          >
            {open ? '▾' : '▸'}
          </button>
          <LocalTime ts={entry.ts} className="tabular text-xs" />
        </td>
        <td
          className="whitespace-nowrap px-1 py-1 text-xs font-semibold sm:px-2"
          style={{ color: levelColor(entry.level ?? '') }}
        >
          {entry.level ?? '—'}
        </td>
        <td className="hidden whitespace-nowrap px-2 py-1 text-xs text-muted md:table-cell">{entry.source ?? '—'}</td>
        <td
          className="tabular whitespace-nowrap px-1 py-1 text-xs sm:px-2"
          style={{ color: entry.status === null ? undefined : statusColor(String(entry.status)) }}
        >
          {entry.status ?? ''}
        </td>
        <td className="tabular hidden whitespace-nowrap px-2 py-1 text-xs sm:table-cell">
          {entry.duration_ms === null ? '' : formatMs(entry.duration_ms)}
        </td>
        <td className="max-w-0 w-full px-2 py-1 font-mono text-xs">
          <span className="block truncate" data-testid="log-message" title={entry.message}>
            {entry.message}
          </span>
        </td>
      </tr>
      {open && (
        <tr className="border-b border-line bg-surface-2">
          <td colSpan={6} className="px-3 py-2">
            <dl className="grid grid-cols-[minmax(6rem,max-content)_1fr] gap-x-4 gap-y-0.5 font-mono text-xs">
              {TOP_FIELDS.map((k) => (
                <Fragment key={k}>
                  <dt className="text-muted">{k}</dt>
                  <dd className="min-w-0 whitespace-pre-wrap break-all">{show(entry[k])}</dd>
                </Fragment>
              ))}
              {fields.map(([k, v]) => (
                <Fragment key={`f.${k}`}>
                  <dt className="text-muted">fields.{k}</dt>
                  <dd className="min-w-0 whitespace-pre-wrap break-all">{show(v)}</dd>
                </Fragment>
              ))}
            </dl>
          </td>
        </tr>
      )}
    </>
  );
}
