'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { LocalTime } from '@/components/ui/local-time';
import { Notice } from '@/components/ui/notice';
import { ApiFailure } from '@/lib/swr/fetcher';
import { deleteMaintenance } from '@/lib/swr/maintenance';
import type { MaintenanceWindow } from '@/lib/swr/maintenance-types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useMaintenance } from '@/lib/swr/use-maintenance';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useTargets } from '@/lib/swr/use-targets';
import { MaintenanceForm } from './maintenance-form';

const STATE_LABEL = { active: 'active', scheduled: 'recurring', upcoming: 'upcoming', past: 'past' } as const;

function When({ w }: { w: MaintenanceWindow }) {
  if (w.time_intervals !== null) return <span>recurring ({w.time_intervals.length} interval(s))</span>;
  return (
    <span>
      <LocalTime ts={w.starts_at} /> → <LocalTime ts={w.ends_at} />
    </span>
  );
}

/** Maintenance windows: plan one (admins), list active, upcoming and past ones, delete. */
export function MaintenanceAdmin({ canEdit }: { canEdit: boolean }) {
  const refreshMs = useRefreshInterval();
  const { windows, error } = useMaintenance(refreshMs);
  const { targets } = useTargets(refreshMs);
  useAuthRedirect(error);
  const [message, setMessage] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const done = (text: string) => {
    setMessage(text);
    setFormKey((k) => k + 1);
  };
  const remove = async (w: MaintenanceWindow) => {
    if (!window.confirm(`Delete the maintenance window “${w.name}”?`)) return;
    try {
      await deleteMaintenance(w.id);
      done(`Maintenance window “${w.name}” deleted.`);
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : 'Deleting failed.');
    }
  };
  return (
    <Card title="Maintenance windows" className="scroll-mt-4" actions={<span id="maintenance" />}>
      <div className="space-y-4" data-testid="maintenance-admin">
        {message && (
          <Notice role="status">
            <span data-testid="maintenance-message">{message}</span>
          </Notice>
        )}
        {!windows ? (
          error ? (
            <Notice tone="error">Could not load maintenance windows: {error.message}</Notice>
          ) : (
            <div className="skeleton h-16" role="status" aria-label="Loading maintenance windows" />
          )
        ) : windows.length === 0 ? (
          <p className="text-sm text-muted">
            No maintenance windows. While one is on, its targets’ alerts are muted and their checks are left out of
            uptime; plan one {canEdit ? 'below' : '(admins)'} or add{' '}
            <code className="font-mono">maintenance_windows:</code> to lookout.yml.
          </p>
        ) : (
          <ul className="divide-y divide-line">
            {windows.map((w) => (
              <li
                key={w.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-testid="maintenance-row"
                data-state={w.state}
              >
                <span>
                  <span className="font-medium">{w.name}</span>{' '}
                  <span className={w.active ? 'font-semibold text-pending' : 'text-muted'}>{STATE_LABEL[w.state]}</span>
                  <span className="text-muted">
                    {' · '}
                    {w.targets === 'all' ? 'all targets' : w.targets.join(', ')} · <When w={w} />
                    {w.reason ? ` · ${w.reason}` : ''}
                    {w.provisioned ? ' · from lookout.yml' : ''}
                  </span>
                </span>
                {canEdit && !w.provisioned && (
                  <button type="button" className="text-down underline" onClick={() => void remove(w)}>
                    Delete
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="border-t border-line pt-4">
            <h3 className="mb-2 text-sm font-semibold">Plan a window</h3>
            <MaintenanceForm key={formKey} targetNames={(targets ?? []).map((t) => t.name)} onDone={done} />
          </div>
        )}
      </div>
    </Card>
  );
}
