'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { formatBudget } from '@/lib/format/slo';
import { EMPTY_SLO_FORM, toSloForm } from '@/lib/format/slo-form';
import { ApiFailure } from '@/lib/swr/fetcher';
import type { Slo } from '@/lib/swr/slo-types';
import { deleteSlo } from '@/lib/swr/slos';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useSlos } from '@/lib/swr/use-slos';
import { SlosForm } from './slos-form';

/** SLOs: list, create, edit and delete (admins); provisioned ones are read-only here. */
export function SlosAdmin({ canEdit }: { canEdit: boolean }) {
  const { slos, error } = useSlos(useRefreshInterval());
  useAuthRedirect(error);
  const [editing, setEditing] = useState<Slo | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setMessage(text);
    setEditing(null);
    setFormKey((k) => k + 1);
  };
  const remove = async (s: Slo) => {
    if (!window.confirm(`Delete the SLO “${s.name}” and its burn-rate alerts?`)) return;
    try {
      await deleteSlo(s.id);
      done(`SLO “${s.name}” deleted.`);
    } catch (err) {
      setMessage(err instanceof ApiFailure ? err.message : 'Deleting failed.');
    }
  };
  return (
    <Card title="SLOs" className="scroll-mt-4" actions={<span id="slos" />}>
      <div className="space-y-4" data-testid="slos-admin">
        {message && (
          <Notice role="status">
            <span data-testid="slos-message">{message}</span>
          </Notice>
        )}
        {!slos ? (
          error ? (
            <Notice tone="error">Could not load SLOs: {error.message}</Notice>
          ) : (
            <div className="skeleton h-16" role="status" aria-label="Loading SLOs" />
          )
        ) : slos.length === 0 ? (
          <p className="text-sm text-muted">
            No SLOs yet. {canEdit ? 'Create one below, or' : 'An admin can create one here, or'} add{' '}
            <code className="font-mono">slos:</code> to lookout.yml.
          </p>
        ) : (
          <ul className="divide-y divide-line">
            {slos.map((s) => (
              <li
                key={s.id}
                className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
                data-testid="slo-row"
              >
                <span>
                  <Link href={`/slos/${s.id}`} className="font-medium hover:underline">
                    {s.name}
                  </Link>{' '}
                  <span className="text-muted">
                    {s.objective} % · {s.window} · budget left {formatBudget(s.budget.remaining)}
                    {s.provisioned ? ' · from lookout.yml' : ''}
                  </span>
                </span>
                {canEdit && !s.provisioned && (
                  <span className="flex gap-2">
                    <button type="button" className="underline" onClick={() => setEditing(s)}>
                      Edit
                    </button>
                    <button type="button" className="text-down underline" onClick={() => void remove(s)}>
                      Delete
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <div className="border-t border-line pt-4">
            <h3 className="mb-2 text-sm font-semibold">{editing ? `Edit “${editing.name}”` : 'New SLO'}</h3>
            <SlosForm
              key={editing ? `edit-${editing.id}` : `new-${formKey}`}
              initial={editing ? toSloForm(editing) : EMPTY_SLO_FORM}
              editId={editing?.id ?? null}
              onDone={done}
            />
          </div>
        )}
      </div>
    </Card>
  );
}
