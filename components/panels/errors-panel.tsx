'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ErrorsPie } from '@/components/charts/errors-pie';
import { Card } from '@/components/ui/card';
import { logsHref, termFor } from '@/lib/format/drill';
import { ERROR_GROUPS, type ErrorGroup } from '@/lib/swr/types';
import { useStatsErrors } from '@/lib/swr/use-stats-errors';
import type { TimeRange } from '@/lib/time/range';
import { PanelBody } from './panel-body';
import { Segmented } from './segmented';

const PIE_GROUPS = ERROR_GROUPS.filter((g) => g !== 'source');

/** Which query finds the lines behind a slice: failed requests of a provider, or lines of a level. */
function sliceQuery(by: ErrorGroup, key: string): string {
  const term = termFor(by, key);
  if (by === 'level') return term;
  if (by === 'status') return term || 'status:>=500';
  return [term, 'status:>=500'].filter(Boolean).join(' ');
}

export function ErrorsPanel({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const router = useRouter();
  const [by, setBy] = useState<ErrorGroup>('status');
  const { errors, error } = useStatsErrors(range, by, refreshMs);
  return (
    <Card
      title="Error distribution"
      actions={<Segmented label="Group errors by" value={by} options={PIE_GROUPS} onChange={setBy} />}
    >
      <PanelBody data={errors} error={error} what="errors" skeleton="h-52">
        {(d) => (
          <ErrorsPie data={d} by={by} onSelect={(key) => router.push(logsHref({ ...range, q: sliceQuery(by, key) }))} />
        )}
      </PanelBody>
    </Card>
  );
}
