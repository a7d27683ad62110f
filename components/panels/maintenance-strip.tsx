'use client';
import { LocalTime } from '@/components/ui/local-time';
import { useMaintenance } from '@/lib/swr/use-maintenance';

/** The maintenance windows on now (only those covering `target` when given); nothing when none is. */
export function MaintenanceStrip({
  refreshMs,
  target,
  large = false,
}: {
  refreshMs: number;
  target?: string;
  large?: boolean;
}) {
  const { windows } = useMaintenance(refreshMs, 'active');
  const shown = (windows ?? []).filter(
    (w) => target === undefined || w.targets === 'all' || w.targets.includes(target),
  );
  if (shown.length === 0) return null;
  return (
    <ul
      aria-label="Maintenance in progress"
      data-testid="maintenance-strip"
      className={`space-y-1 rounded-md border border-pending bg-pending-soft text-pending ${large ? 'px-[1.5vh] py-[0.8vh] text-[2vh]' : 'px-3 py-2 text-sm'}`}
    >
      {shown.map((w) => (
        <li key={w.id}>
          <span className="font-semibold">Maintenance: {w.name}</span>
          {' · '}
          {w.targets === 'all' ? 'all targets' : w.targets.join(', ')}
          {w.ends_at && w.time_intervals === null && (
            <>
              {' · until '}
              <LocalTime ts={w.ends_at} />
            </>
          )}
          {w.reason && ` · ${w.reason}`}
          {!large && <span className="text-xs"> — alerts muted, checks left out of uptime</span>}
        </li>
      ))}
    </ul>
  );
}
