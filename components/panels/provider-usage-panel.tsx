'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ProviderBars } from '@/components/charts/provider-bars';
import { Card } from '@/components/ui/card';
import { logsHref, termFor } from '@/lib/format/drill';
import { useStatsProviders } from '@/lib/swr/use-stats-providers';
import type { TimeRange } from '@/lib/time/range';
import { PanelBody } from './panel-body';
import { Segmented } from './segmented';

const METRICS = ['requests', 'tokens'] as const;

/** Requests, errors, 429s or tokens per provider; a click on a bar opens that provider's logs. */
export function ProviderUsagePanel({ range, refreshMs }: { range: TimeRange; refreshMs: number }) {
  const router = useRouter();
  const [metric, setMetric] = useState<(typeof METRICS)[number]>('requests');
  const { providers, error } = useStatsProviders(range, refreshMs);
  return (
    <Card
      title="Provider usage"
      actions={<Segmented label="Provider metric" value={metric} options={METRICS} onChange={setMetric} />}
    >
      <PanelBody data={providers} error={error} what="provider usage" skeleton="h-56">
        {(d) => (
          <ProviderBars
            data={d}
            metric={metric}
            onSelect={(p) => router.push(logsHref({ ...range, q: termFor('provider', p) }))}
          />
        )}
      </PanelBody>
    </Card>
  );
}
