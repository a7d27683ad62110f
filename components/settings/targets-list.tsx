'use client';
import Link from 'next/link';
import { StatusPill } from '@/components/ui/status-pill';
import { formatMs } from '@/lib/format/number';
import type { Target } from '@/lib/swr/types';
import { TargetActions } from './target-actions';

interface Props {
  targets: Target[];
  onEdit: (t: Target) => void;
  onMessage: (m: string) => void;
}

export function TargetsList({ targets, onEdit, onMessage }: Props) {
  if (targets.length === 0)
    return <p className="text-sm text-muted">No targets yet. Add one with the form, or list them in lookout.yml.</p>;
  return (
    <ul className="divide-y divide-line">
      {targets.map((t) => (
        <li key={t.id} data-testid={`settings-target-${t.name}`} className="flex flex-wrap items-center gap-3 py-3">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/targets/${t.id}`} className="font-medium text-fg hover:underline">
                {t.name}
              </Link>
              <StatusPill status={t.status} paused={t.paused} />
              {t.provisioned && (
                <span
                  className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted"
                  title="Provisioned from the configuration file"
                >
                  from lookout.yml
                </span>
              )}
            </div>
            <p className="truncate text-xs text-muted">
              {t.type === 'http' ? `${t.method} ` : `${t.type} · `}
              {t.url} · every {formatMs(t.interval_s * 1000)}
              {t.has_headers ? ' · headers set' : ''}
            </p>
          </div>
          <TargetActions target={t} onEdit={() => onEdit(t)} onMessage={onMessage} />
        </li>
      ))}
    </ul>
  );
}
