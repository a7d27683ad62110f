'use client';
import { StatTile, type TileTone } from '@/components/ui/stat-tile';
import { describeChange } from '@/lib/format/change';
import { formatCount, formatMs, formatRate, formatRatio } from '@/lib/format/number';
import type { StatsSummary, Target } from '@/lib/swr/types';
import { useStatsSummary } from '@/lib/swr/use-stats-summary';
import { previousRange, resolveRange, type TimeRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';

function targetsTile(targets: Target[] | undefined): { value: string; tone: TileTone; hint?: string } {
  if (!targets) return { value: '—', tone: 'neutral' };
  const watched = targets.filter((t) => !t.paused);
  const up = watched.filter((t) => t.status === 'up').length;
  const down = watched.filter((t) => t.status === 'down').length;
  const tone: TileTone =
    watched.length === 0 ? 'neutral' : down > 0 ? 'down' : up === watched.length ? 'up' : 'pending';
  return { value: `${up}/${watched.length}`, tone, hint: down ? `${down} down` : undefined };
}

const perSecond = (s: StatsSummary | undefined, seconds: number) => (s ? s.requests / seconds : null);

/** The overview's headline numbers, each against the window of equal length before it. */
export function SummaryTiles({
  range,
  refreshMs,
  targets,
  wall = false,
}: {
  range: TimeRange;
  refreshMs: number;
  targets?: Target[];
  wall?: boolean;
}) {
  const now = useNow() || Date.now();
  const { summary: cur } = useStatsSummary(range, refreshMs);
  const { summary: prev } = useStatsSummary(previousRange(range, now), refreshMs);
  const { from, to } = resolveRange(range, now);
  const seconds = Math.max(1, (to - from) / 1000);
  const t = targetsTile(targets);
  const errTone: TileTone =
    !cur || cur.requests === 0
      ? 'neutral'
      : cur.error_rate >= 0.05
        ? 'down'
        : cur.error_rate >= 0.01
          ? 'pending'
          : 'up';
  const tokens = (s?: StatsSummary) => (s ? s.tokens.input + s.tokens.output : null);
  const tiles = [
    { id: 'targets', label: 'Targets up', value: t.value, tone: t.tone, hint: t.hint },
    {
      id: 'rps',
      label: 'Requests/s',
      value: formatRate(perSecond(cur, seconds)),
      hint: cur ? `${cur.requests} requests` : undefined,
      change: describeChange(cur?.requests, prev?.requests),
    },
    {
      id: 'error-rate',
      label: 'Error rate',
      value: formatRatio(cur?.error_rate),
      tone: errTone,
      hint: cur ? `${cur.errors} errors (status ≥ 500 or none)` : undefined,
      change: describeChange(cur?.error_rate, prev?.error_rate, 'points'),
      worse: 'up' as const,
    },
    {
      id: 'p95',
      label: 'p95 latency',
      value: formatMs(cur?.latency_ms.p95),
      hint: cur ? `p50 ${formatMs(cur.latency_ms.p50)} · p99 ${formatMs(cur.latency_ms.p99)}` : undefined,
      change: describeChange(cur?.latency_ms.p95, prev?.latency_ms.p95),
      worse: 'up' as const,
    },
    {
      id: 'tokens',
      label: 'Tokens',
      value: formatCount(tokens(cur)),
      hint: cur ? `${cur.tokens.input} in · ${cur.tokens.output} out` : undefined,
      change: describeChange(tokens(cur), tokens(prev)),
    },
    {
      id: '429',
      label: '429s',
      value: formatCount(cur?.rate_limited),
      tone: cur && cur.rate_limited > 0 ? ('pending' as const) : ('neutral' as const),
      change: describeChange(cur?.rate_limited, prev?.rate_limited),
      worse: 'up' as const,
    },
  ];
  return (
    <div
      className={`grid gap-2 sm:gap-3 ${wall ? 'grid-cols-6' : 'grid-cols-2 sm:grid-cols-3 lg:grid-cols-6'}`}
      aria-busy={!cur}
    >
      {tiles.map((tile) => (
        <StatTile
          key={tile.id}
          testId={`tile-${tile.id}`}
          label={tile.label}
          value={tile.value}
          tone={tile.tone}
          hint={tile.hint}
          change={tile.id === 'targets' ? undefined : (tile.change ?? null)}
          worse={tile.worse}
          size={wall ? 'wall' : 'normal'}
        />
      ))}
    </div>
  );
}
