'use client';
import { useRouter } from 'next/navigation';
import { firingBands } from '@/components/charts/firing-bands';
import { RequestsChart } from '@/components/charts/requests-chart';
import { Card } from '@/components/ui/card';
import { logsHref, termFor } from '@/lib/format/drill';
import { useAlertHistory } from '@/lib/swr/use-alert-history';
import { useStatsRequests } from '@/lib/swr/use-stats-requests';
import { resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { PanelBody } from './panel-body';

/** Requests over time by provider; a click opens /logs for that step and provider. */
export function RequestsPanel({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const router = useRouter();
  const { data, error } = useStatsRequests(range, 'provider', refreshMs);
  const now = useNow() || Date.now();
  const { from, to } = resolveRange(range, now);
  const { history } = useAlertHistory(range, refreshMs);
  return (
    <Card
      title="Request volume by provider"
      actions={<span className="text-xs text-muted">click a point to open its logs</span>}
    >
      <PanelBody data={data} error={error} what="request volume">
        {(d) => (
          <RequestsChart
            data={d}
            by="provider"
            domain={[from, to]}
            bands={firingBands(history, from, to, now)}
            hrefFor={(key) => logsHref({ ...range, q: termFor('provider', key) })}
            onSelect={(row, key) =>
              router.push(
                logsHref({ from: row.t, to: row.t + d.step_ms, q: key ? termFor('provider', key) : undefined }),
              )
            }
          />
        )}
      </PanelBody>
    </Card>
  );
}
