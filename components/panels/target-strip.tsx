import Link from 'next/link';
import { activeWindowFor, type MaintenanceWindow } from '@/lib/swr/maintenance-types';
import type { Target } from '@/lib/swr/types';

const DOT = { up: 'bg-up', down: 'bg-down', pending: 'bg-pending' } as const;

/** Every target as one coloured chip: the whole fleet at a glance, each a link to its page; tagged while in maintenance. */
export function TargetStrip({
  targets,
  large = false,
  maintenance,
}: {
  targets: Target[];
  large?: boolean;
  maintenance?: MaintenanceWindow[];
}) {
  if (targets.length === 0) return null;
  return (
    <ul aria-label="Target status" className="flex flex-wrap gap-2">
      {targets.map((t) => {
        const status = t.paused ? 'paused' : t.status;
        const maint = activeWindowFor(maintenance, t.name);
        return (
          <li key={t.id}>
            <Link
              href={`/targets/${t.id}`}
              data-testid={`strip-${t.name}`}
              data-status={status}
              data-maintenance={maint ? 'true' : undefined}
              title={`${t.name}: ${status}${t.status === 'down' && t.last_check?.error ? ` — ${t.last_check.error}` : ''}${maint ? ` — in maintenance (${maint.name})` : ''}`}
              className={`inline-flex items-center gap-2 rounded-full border border-line bg-surface font-medium text-fg hover:border-accent ${large ? 'px-4 py-2 text-[2vh]' : 'px-3 py-1 text-xs'}`}
            >
              <span
                aria-hidden="true"
                className={`${large ? 'h-[1.6vh] w-[1.6vh]' : 'h-2.5 w-2.5'} rounded-full ${t.paused ? 'bg-idle' : DOT[t.status]}`}
              />
              {t.name}
              {maint && <span className="rounded-full bg-pending-soft px-1.5 text-pending">maint</span>}
              <span className="sr-only">
                {status}
                {maint ? ', in maintenance' : ''}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
