'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import type { Target } from '@/lib/swr/types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { useTargets } from '@/lib/swr/use-targets';
import { TargetForm } from './target-form';
import { TargetsList } from './targets-list';

export function TargetsAdmin({ canEdit }: { canEdit: boolean }) {
  const { targets, error } = useTargets(useRefreshInterval());
  useAuthRedirect(error);
  const [editing, setEditing] = useState<Target | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const startEdit = (t: Target) => {
    setEditing(t);
    setMessage(null);
    document.getElementById('target-form')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return (
    <div className="space-y-4">
      {!canEdit && (
        <Notice tone="warn">
          You can look but not change:{' '}
          <Link href="/login?next=%2Fsettings&reason=admin" className="underline">
            sign in with the admin token to change targets
          </Link>
          .
        </Notice>
      )}
      {message && (
        <Notice role="status">
          <span data-testid="settings-message">{message}</span>
        </Notice>
      )}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <Card title="Targets">
          {targets ? (
            <TargetsList targets={targets} onEdit={startEdit} onMessage={setMessage} />
          ) : error ? (
            <Notice tone="error">Could not load targets: {error.message}</Notice>
          ) : (
            <LoadingBlock label="Loading targets" className="h-32" />
          )}
        </Card>
        <div id="target-form" className="scroll-mt-20 rounded-lg border border-line bg-surface p-4">
          <TargetForm
            key={editing?.id ?? 'new'}
            editing={editing}
            onCancel={() => setEditing(null)}
            onDone={(m) => {
              setEditing(null);
              setMessage(m);
            }}
          />
        </div>
      </div>
    </div>
  );
}
