import Link from 'next/link';
import { budgetTone, formatBudget, formatBurnRate } from '@/lib/format/slo';
import type { Slo } from '@/lib/swr/slo-types';

const TONE = { up: 'text-up', pending: 'text-pending', down: 'text-down' } as const;
const BAR = { up: 'bg-up', pending: 'bg-pending', down: 'bg-down' } as const;

/** One SLO in a line: name, objective, budget bar and the fast burn rate (overview panel, wall, embed). */
export function SloSummary({ slo, big = false }: { slo: Slo; big?: boolean }) {
  const tone = budgetTone(slo.budget.remaining);
  const width = Math.max(0, Math.min(100, slo.budget.remaining));
  return (
    <li className="min-w-0" data-testid="slo-summary">
      <div className={`flex items-baseline justify-between gap-2 ${big ? 'text-[2vh]' : 'text-sm'}`}>
        <Link href={`/slos/${slo.id}`} className="truncate font-medium hover:underline">
          {slo.name}
        </Link>
        <span className={`tabular font-semibold ${TONE[tone]}`} data-testid="slo-remaining">
          {formatBudget(slo.budget.remaining)}
        </span>
      </div>
      <div className="mt-1 h-2 w-full overflow-hidden rounded bg-surface-2" aria-hidden="true">
        <div className={`h-full ${BAR[tone]}`} style={{ width: `${width}%` }} />
      </div>
      <div className={`tabular mt-0.5 text-muted ${big ? 'text-[1.4vh]' : 'text-xs'}`}>
        objective {slo.objective} % ·{' '}
        {slo.achieved === null ? 'no events yet' : `achieved ${slo.achieved.toFixed(3)} %`} · burn 1h{' '}
        {formatBurnRate(slo.burn_rate['1h'])}
      </div>
    </li>
  );
}
