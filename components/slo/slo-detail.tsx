'use client';
import Link from 'next/link';
import { BurndownChart } from '@/components/charts/burndown-chart';
import { RefreshNote } from '@/components/panels/refresh-note';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { StatTile } from '@/components/ui/stat-tile';
import { formatCount } from '@/lib/format/number';
import { budgetTone, describeSli, formatBudget, formatBurnRate, WINDOW_LABELS } from '@/lib/format/slo';
import { formatLocal } from '@/lib/format/time';
import { ApiFailure } from '@/lib/swr/fetcher';
import type { Slo } from '@/lib/swr/slo-types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSlo } from '@/lib/swr/use-slo';

const BURN_KEYS = ['5m', '1h', '6h', '3d'] as const;

function Forecast({ slo }: { slo: Slo }) {
  const at = slo.forecast.exhausted_at;
  if (slo.budget.remaining <= 0) return <span className="text-down">The budget is spent.</span>;
  if (!at) return <span>Not burning: at the last hour’s rate the budget lasts.</span>;
  return (
    <span className={budgetTone(slo.budget.remaining) === 'up' ? '' : 'text-pending'}>
      At the last hour’s burn rate the budget runs out at <time dateTime={at}>{formatLocal(at)}</time>.
    </span>
  );
}

/** One SLO: budget left, burn-down through the window, burn rates and the forecast. */
export function SloDetail({ initial }: { initial: Slo }) {
  const refreshMs = useRefreshInterval();
  const { slo, error, isValidating } = useSlo(initial.id, refreshMs, initial);
  useAuthRedirect(error);
  if (error instanceof ApiFailure && error.status === 404)
    return (
      <Notice tone="warn" role="alert">
        This SLO was deleted.{' '}
        <Link href="/" className="underline">
          Back to the overview
        </Link>
      </Notice>
    );
  const s = slo ?? initial;
  const b = s.budget;
  const from = Date.parse(s.window_start);
  const to = Date.parse(s.window_end);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold">{s.name}</h1>
          <p className="text-sm text-muted">
            {s.service ? `${s.service} · ` : ''}objective {s.objective} % over {WINDOW_LABELS[s.window]} ·{' '}
            {describeSli(s.sli)}
          </p>
        </div>
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error} />
      </div>
      {b.total === 0 && (
        <Notice>
          No {b.unit} counted in this window yet, so the whole budget is left.{' '}
          {s.sli.kind === 'probe_availability'
            ? `Check that a target named ${s.sli.target} exists and is probed.`
            : 'Check the filters against the sources and providers on the overview.'}
        </Notice>
      )}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatTile
          label="Budget left"
          value={formatBudget(b.remaining)}
          tone={budgetTone(b.remaining)}
          testId="slo-budget"
        />
        <StatTile
          label="Achieved"
          value={s.achieved === null ? '—' : `${s.achieved.toFixed(3)} %`}
          hint={`${b.good} good of ${b.total} ${b.unit}`}
        />
        <StatTile
          label={`Budget left (${b.unit})`}
          value={formatCount(b.remaining_events)}
          hint={`${b.bad} bad of ${b.allowed.toFixed(1)} allowed so far`}
        />
        <StatTile label="Budget left (minutes)" value={b.remaining_minutes.toFixed(1)} />
      </div>
      <Card title="Burn-down">
        {s.burndown ? (
          <BurndownChart points={s.burndown} domain={[from, to]} />
        ) : (
          <p className="text-sm text-muted">
            PromQL SLIs have no burn-down; the budget above is the evaluator’s count.
          </p>
        )}
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Burn rate">
          <dl className="grid grid-cols-4 gap-2 text-center" data-testid="slo-burn-rates">
            {BURN_KEYS.map((k) => (
              <div key={k}>
                <dt className="text-xs uppercase text-muted">{k}</dt>
                <dd className="tabular text-lg font-semibold">{formatBurnRate(s.burn_rate[k])}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-muted">
            1× spends the budget exactly over the window; the alerts page at 14.4× (1 h and 5 m) and 6× (6 h and 30 m).
          </p>
        </Card>
        <Card title="Forecast">
          <p className="text-sm" data-testid="slo-forecast">
            <Forecast slo={s} />
          </p>
          <p className="mt-2 text-xs text-muted">
            Window {formatLocal(s.window_start)} – {formatLocal(s.window_end)}.{' '}
            <Link href="/alerts" className="underline">
              Burn-rate alerts
            </Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
