'use client';
import type { ProviderHealth } from '@/lib/swr/types';
import { useProviderHealth } from '@/lib/swr/use-provider-health';

const STYLES: Record<ProviderHealth['state'], string> = {
  healthy: 'border-up bg-up-soft text-up',
  degraded: 'border-pending bg-pending-soft text-pending',
  outage: 'border-down bg-down-soft text-down',
  unknown: 'border-line bg-surface-2 text-muted',
};

function details(p: ProviderHealth): string {
  const parts = [`${p.requests} req`];
  if (p.requests)
    parts.push(`${(p.error_rate * 100).toFixed(1)}% err`, `${(p.rate_limited_rate * 100).toFixed(1)}% 429`);
  if (p.p95_ms !== null) parts.push(`p95 ${Math.round(p.p95_ms)} ms`);
  if (p.tokens_per_s !== null) parts.push(`${p.tokens_per_s} tok/s`);
  return parts.join(' · ');
}

function Synthetic({ s }: { s: NonNullable<ProviderHealth['synthetic']> }) {
  const cls = s.status === 'up' ? 'text-up' : s.status === 'down' ? 'text-down' : 'text-muted';
  return (
    <span className={cls} data-testid="synthetic" title={s.error ?? undefined}>
      synthetic {s.status}
      {s.ttft_ms !== null && ` · TTFT ${Math.round(s.ttft_ms)} ms`}
    </span>
  );
}

/** One chip per provider: state from the last minutes of traffic, and its synthetic check when there is one. */
export function ProviderHealthStrip({ refreshMs, large = false }: { refreshMs: number; large?: boolean }) {
  const { health } = useProviderHealth(refreshMs);
  if (!health || health.data.length === 0) return null;
  const size = large ? 'px-[1.2vh] py-[0.6vh] text-[1.7vh]' : 'px-3 py-1.5 text-xs';
  return (
    <section aria-label="Provider health" data-testid="provider-health-strip">
      <ul className="flex flex-wrap gap-2">
        {health.data.map((p) => (
          <li
            key={p.provider}
            data-provider={p.provider}
            data-state={p.state}
            title={p.reasons.join('; ') || `healthy over the last ${health.window_s / 60} min`}
            className={`flex flex-col rounded-md border ${STYLES[p.state]} ${size}`}
          >
            <span className="font-semibold">
              {p.provider} · {p.state}
            </span>
            <span className="tabular text-muted">{details(p)}</span>
            {p.synthetic && <Synthetic s={p.synthetic} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
