'use client';
import { formatElapsed, formatLocal } from '@/lib/format/time';
import type { AlertHistoryEntry } from '@/lib/swr/use-alert-history';
import { formatSampleValue } from './format-value';
import { LabelChips } from './label-chips';
import { type Bar, layoutBars } from './timeline-layout';

const COLOR = { firing: 'bg-down', pending: 'bg-pending' } as const;

function describe(bar: Bar): string {
  const until = bar.ongoing ? 'still now' : formatLocal(bar.endMs);
  const value = bar.value === null ? '' : `, value ${formatSampleValue(bar.value)}`;
  return `${bar.state === 'firing' ? 'Firing' : 'Pending'} ${formatLocal(bar.startMs)} – ${until} (${formatElapsed((bar.endMs - bar.startMs) / 1000)})${value}`;
}

/** One track per alert identity over [from, to]: firing in red, pending in amber. */
export function HistoryTimeline({
  history,
  from,
  to,
  now,
}: {
  history: AlertHistoryEntry[];
  from: number;
  to: number;
  now: number;
}) {
  return (
    <div className="space-y-2" data-testid="alert-history">
      <ul className="space-y-2">
        {history.map((a) => {
          const bars = layoutBars(a.periods, from, to, now);
          const key = JSON.stringify(a.labels);
          return (
            <li
              key={key}
              className="grid gap-1 md:grid-cols-[minmax(0,16rem)_minmax(0,1fr)] md:items-center md:gap-3"
              data-testid="history-row"
              data-alert={a.name}
            >
              <div className="min-w-0">
                <span className="break-all text-sm font-semibold">{a.name}</span>
                <LabelChips labels={a.labels} omit={['alertname']} />
              </div>
              <div
                className="relative h-5 overflow-hidden rounded-sm bg-surface-2"
                role="list"
                aria-label={`${a.name}: ${bars.length} period${bars.length === 1 ? '' : 's'} in this range`}
              >
                {bars.map((b) => (
                  <span
                    key={`${b.state}:${b.startMs}`}
                    role="listitem"
                    title={describe(b)}
                    aria-label={describe(b)}
                    data-testid="history-bar"
                    data-state={b.state}
                    className={`absolute inset-y-0 ${COLOR[b.state]} ${b.state === 'pending' ? 'opacity-70' : ''}`}
                    style={{ left: `${b.leftPct}%`, width: `${b.widthPct}%` }}
                  />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap justify-between gap-x-3 gap-y-1 text-xs text-muted md:ml-[16.75rem]">
        <span>{formatLocal(from)}</span>
        <span className="inline-flex items-center gap-3">
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="h-2 w-3 rounded-sm bg-down" />
            firing
          </span>
          <span className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="h-2 w-3 rounded-sm bg-pending opacity-70" />
            pending
          </span>
        </span>
        <span>{formatLocal(to)}</span>
      </div>
    </div>
  );
}
