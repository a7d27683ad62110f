'use client';
import { StatTile } from '@/components/ui/stat-tile';
import { formatUsd } from '@/lib/format/usd';
import { useLlmCost } from '@/lib/swr/use-llm-cost';
import type { TimeRange } from '@/lib/time/range';

/** Overview and wall: the range's LLM spend in total and per provider, dearest first. */
export function LlmCostTiles({
  range,
  refreshMs,
  wall = false,
}: {
  range: TimeRange;
  refreshMs: number;
  wall?: boolean;
}) {
  const { cost } = useLlmCost(range, 'provider', refreshMs);
  if (!cost || cost.data.length === 0) return null;
  const size = wall ? 'wall' : 'normal';
  const partial = cost.totals.unknown_requests > 0 || cost.totals.input_only_requests > 0;
  return (
    <div
      className={`grid gap-3 ${wall ? 'grid-cols-4' : 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-6'}`}
      data-testid="cost-tiles"
    >
      <StatTile
        label="LLM cost"
        value={formatUsd(cost.totals.cost_usd)}
        hint={partial ? 'partial: some requests input only or without a price' : undefined}
        size={size}
        testId="cost-total"
      />
      {cost.data.slice(0, wall ? 3 : 5).map((p) => (
        <StatTile key={p.key} label={`Cost · ${p.key || 'unknown'}`} value={formatUsd(p.cost_usd)} size={size} />
      ))}
    </div>
  );
}
