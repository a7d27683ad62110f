import type { Sli, Slo } from '@/lib/swr/slo-types';

const DASH = '—';

/** `14.4×`, `0.25×`; a dash without events. */
export function formatBurnRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return DASH;
  return `${rate >= 10 ? rate.toFixed(1) : rate.toFixed(2)}×`;
}

/** Budget left in percent, one decimal, negative once overspent. */
export function formatBudget(pct: number): string {
  return `${(Math.round(pct * 10) / 10).toFixed(1)} %`;
}

export function budgetTone(pct: number): 'up' | 'pending' | 'down' {
  return pct <= 0 ? 'down' : pct < 25 ? 'pending' : 'up';
}

const filters = (f: { source?: string; provider?: string; model?: string }) =>
  [f.source && `source ${f.source}`, f.provider && `provider ${f.provider}`, f.model && `model ${f.model}`]
    .filter(Boolean)
    .join(', ') || 'all requests';

/** One line saying what an SLI counts. */
export function describeSli(sli: Sli): string {
  switch (sli.kind) {
    case 'probe_availability':
      return `Good checks of target ${sli.target} / all its checks`;
    case 'request_availability':
      return `Requests without a 5xx / all requests (${filters(sli)}; 429s ${sli.rate_limited === 'excluded' ? 'left out' : `count as ${sli.rate_limited ?? 'good'}`})`;
    case 'request_latency':
      return `Requests at or below ${sli.threshold_ms} ms / all timed requests (${filters(sli)})`;
    case 'promql':
      return `PromQL: ${sli.good} / ${sli.total}`;
  }
}

export const WINDOW_LABELS: Record<Slo['window'], string> = {
  '7d': '7 days, rolling',
  '28d': '28 days, rolling',
  '30d': '30 days, rolling',
  calendar_month: 'calendar month',
};
