'use client';
import { RelativeTime } from '@/components/ui/local-time';
import { formatUtc } from '@/lib/format/time';
import type { Alert } from '@/lib/swr/alert-types';
import { formatSampleValue } from './format-value';
import { LabelChips } from './label-chips';
import { safeHttpUrl } from './safe-link';
import { StatePill } from './state-pill';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2';

/** One pending or firing alert: what, how bad, since when, and where the runbook is. */
export function AlertItem({
  alert,
  silencedUntil,
  onSilence,
}: {
  alert: Alert;
  silencedUntil?: string;
  onSilence?: (alert: Alert) => void;
}) {
  const { summary, description, runbook_url: runbook } = alert.annotations;
  const runbookHref = safeHttpUrl(runbook);
  return (
    <li
      className="space-y-2 py-3 first:pt-0 last:pb-0"
      data-testid="alert-item"
      data-alert={alert.name}
      data-state={alert.state}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h3 className="break-all font-semibold">{alert.name}</h3>
        <StatePill state={alert.state} />
        {silencedUntil && (
          <span title={`Notifications muted until ${formatUtc(silencedUntil)}`} data-testid="alert-silenced">
            <StatePill state="silenced" />
          </span>
        )}
        <span className="tabular text-sm">
          <span className="text-muted">value </span>
          <span data-testid="alert-value">{formatSampleValue(alert.value)}</span>
        </span>
        <span className="text-sm text-muted">
          {alert.state === 'firing' ? 'firing since ' : 'pending since '}
          <RelativeTime ts={alert.state === 'firing' ? (alert.fired_at ?? alert.active_at) : alert.active_at} />
        </span>
        <span className="ml-auto flex flex-wrap gap-2">
          {runbookHref ? (
            <a href={runbookHref} target="_blank" rel="noopener noreferrer" className={`${button} text-accent`}>
              Runbook<span className="sr-only"> for {alert.name} (opens in a new tab)</span>
            </a>
          ) : null}
          {onSilence && (
            <button
              type="button"
              className={button}
              onClick={() => onSilence(alert)}
              aria-label={`Silence ${alert.name}`}
            >
              Silence
            </button>
          )}
        </span>
      </div>
      {summary && <p className="text-sm">{summary}</p>}
      {description && description !== summary && <p className="text-sm text-muted">{description}</p>}
      {runbook && !runbookHref && <p className="break-all text-xs text-muted">Runbook: {runbook}</p>}
      <LabelChips labels={alert.labels} omit={['alertname']} />
    </li>
  );
}
