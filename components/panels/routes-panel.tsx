'use client';
import { Card } from '@/components/ui/card';
import { useStatsRoutes } from '@/lib/swr/use-stats-routes';
import type { TimeRange } from '@/lib/time/range';
import { PanelBody } from './panel-body';
import { RoutesTable } from './routes-table';

/** Requests, error rate and latency per route, from access logs and any line with a method and path. */
export function RoutesPanel({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const { routes, error } = useStatsRoutes(range, refreshMs);
  return (
    <Card title="Routes">
      <PanelBody data={routes} error={error} what="routes" skeleton="h-40">
        {(d) => <RoutesTable data={d} range={range} />}
      </PanelBody>
    </Card>
  );
}
