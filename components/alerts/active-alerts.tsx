'use client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import type { Alert, Silence } from '@/lib/swr/alert-types';
import { AlertItem } from './alert-item';
import { silenceMatches } from './silence-matchers';

interface Props {
  alerts: Alert[] | undefined;
  error: Error | undefined;
  /** Active silences, to mark the alerts whose notifications they mute. */
  silences: Silence[];
  onSilence?: (alert: Alert) => void;
}

const silencedUntil = (alert: Alert, silences: Silence[]): string | undefined =>
  silences
    .filter((s) => silenceMatches(s.matchers, alert.labels))
    .map((s) => s.ends_at)
    .sort()
    .at(-1);

export function ActiveAlerts({ alerts, error, silences, onSilence }: Props) {
  const firing = alerts?.filter((a) => a.state === 'firing').length ?? 0;
  const title = alerts?.length
    ? `Active alerts · ${firing} firing, ${alerts.length - firing} pending`
    : 'Active alerts';
  return (
    <Card title={title}>
      {error && <Notice tone="error">Could not load alerts: {error.message}</Notice>}
      {alerts === undefined ? (
        !error && <LoadingBlock label="Loading alerts" className="h-24" />
      ) : alerts.length === 0 ? (
        <EmptyState title="No alerts are firing or pending" />
      ) : (
        <ul className="divide-y divide-line" aria-label="Active alerts">
          {alerts.map((a) => (
            <AlertItem
              key={`${a.name}${JSON.stringify(a.labels)}`}
              alert={a}
              silencedUntil={silencedUntil(a, silences)}
              onSilence={onSilence}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
