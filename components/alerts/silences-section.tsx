'use client';
import Link from 'next/link';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import type { Silence } from '@/lib/swr/alert-types';
import { SilenceForm } from './silence-form';
import { SilenceList } from './silence-list';

export interface SilencePrefill {
  matchers: string;
  /** Changes on every shortcut click, so the form starts afresh even for the same alert. */
  nonce: number;
}

export function SilencesSection({
  silences,
  error,
  canEdit,
  prefill,
}: {
  silences: Silence[] | undefined;
  error: Error | undefined;
  canEdit: boolean;
  prefill: SilencePrefill | null;
}) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Card title="Silences">
      <div className="space-y-3">
        {message && (
          <Notice role="status">
            <span data-testid="silence-message">{message}</span>
          </Notice>
        )}
        {error && <Notice tone="error">Could not load silences: {error.message}</Notice>}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
          <div>
            {silences ? (
              <SilenceList silences={silences} canExpire={canEdit} onMessage={setMessage} />
            ) : (
              !error && <LoadingBlock label="Loading silences" className="h-24" />
            )}
          </div>
          <div className="rounded-md border border-line p-3">
            {canEdit ? (
              <SilenceForm key={prefill?.nonce ?? 0} initialMatchers={prefill?.matchers} onDone={setMessage} />
            ) : (
              <Notice tone="warn">
                <Link href="/login?next=%2Falerts&reason=admin" className="underline">
                  Sign in with the admin token
                </Link>{' '}
                to create or expire silences.
              </Notice>
            )}
          </div>
        </div>
      </div>
    </Card>
  );
}
