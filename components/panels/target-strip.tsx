import Link from 'next/link';
import type { Target } from '@/lib/swr/types';

const DOT = { up: 'bg-up', down: 'bg-down', pending: 'bg-pending' } as const;

/** Every target as one coloured chip: the whole fleet at a glance, each a link to its page. */
export function TargetStrip({ targets, large = false }: { targets: Target[]; large?: boolean }) {
  if (targets.length === 0) return null;
  return (
    <ul aria-label="Target status" className="flex flex-wrap gap-2">
      {targets.map((t) => {
        const status = t.paused ? 'paused' : t.status;
        return (
          <li key={t.id}>
            <Link
              href={`/targets/${t.id}`}
              data-testid={`strip-${t.name}`}
              data-status={status}
              title={`${t.name}: ${status}${t.status === 'down' && t.last_check?.error ? ` — ${t.last_check.error}` : ''}`}
              className={`inline-flex items-center gap-2 rounded-full border border-line bg-surface font-medium text-fg hover:border-accent ${large ? 'px-4 py-2 text-[2vh]' : 'px-3 py-1 text-xs'}`}
            >
              <span
                aria-hidden="true"
                className={`${large ? 'h-[1.6vh] w-[1.6vh]' : 'h-2.5 w-2.5'} rounded-full ${t.paused ? 'bg-idle' : DOT[t.status]}`}
              />
              {t.name}
              <span className="sr-only">{status}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
