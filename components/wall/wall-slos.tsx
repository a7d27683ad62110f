'use client';
import { SloSummary } from '@/components/slo/slo-summary';
import { useSlos } from '@/lib/swr/use-slos';

/** The wall's SLO strip: each SLO's budget left, big; nothing when no SLO is defined. */
export function WallSlos({ refreshMs }: { refreshMs: number }) {
  const { slos } = useSlos(refreshMs);
  if (!slos?.length) return null;
  return (
    <section aria-label="Error budgets" className="rounded-lg border border-line bg-surface p-[1.2vh]">
      <ul
        className="grid gap-[1.2vh]"
        style={{ gridTemplateColumns: `repeat(${Math.min(slos.length, 4)}, minmax(0, 1fr))` }}
      >
        {slos.map((s) => (
          <SloSummary key={s.id} slo={s} big />
        ))}
      </ul>
    </section>
  );
}
