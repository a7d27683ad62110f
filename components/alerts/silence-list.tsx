'use client';
import { useState } from 'react';
import { LocalTime, RelativeTime } from '@/components/ui/local-time';
import type { Silence } from '@/lib/swr/alert-types';
import { expireSilence } from '@/lib/swr/use-silences';
import { formatMatcher } from './silence-matchers';
import { StatePill } from './state-pill';

const ORDER = { active: 0, pending: 1, expired: 2 } as const;

/** Silences in effect first; `canExpire` only for admins, whose requests the API accepts. */
export function SilenceList({
  silences,
  canExpire,
  onMessage,
}: {
  silences: Silence[];
  canExpire: boolean;
  onMessage: (m: string) => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  if (!silences.length) return <p className="py-4 text-center text-sm text-muted">No silences yet.</p>;
  const sorted = [...silences].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const expire = async (s: Silence) => {
    setBusy(s.id);
    try {
      await expireSilence(s.id);
      onMessage('Silence expired.');
    } catch (err) {
      onMessage(err instanceof Error ? err.message : 'Expiring the silence failed.');
    } finally {
      setBusy(null);
    }
  };
  return (
    <ul className="divide-y divide-line" aria-label="Silences">
      {sorted.map((s) => (
        <li
          key={s.id}
          className="space-y-1.5 py-3 first:pt-0 last:pb-0"
          data-testid="silence-item"
          data-status={s.status}
        >
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StatePill state={s.status} />
            <span className="text-muted">
              {s.status === 'pending' && (
                <>
                  from <LocalTime ts={s.starts_at} />{' '}
                </>
              )}
              {s.status === 'expired' ? 'ended ' : 'until '}
              <LocalTime ts={s.ends_at} /> (<RelativeTime ts={s.ends_at} />)
            </span>
            <span className="text-muted">by {s.created_by}</span>
            {canExpire && s.status !== 'expired' && (
              <button
                type="button"
                onClick={() => expire(s)}
                disabled={busy === s.id}
                aria-label={`Expire silence: ${s.comment}`}
                className="ml-auto rounded-md border border-line px-2.5 py-1 text-xs font-medium text-down hover:bg-surface-2 disabled:opacity-60"
              >
                {busy === s.id ? 'Expiring…' : 'Expire'}
              </button>
            )}
          </div>
          <ul className="flex flex-wrap gap-1" aria-label="Matchers">
            {s.matchers.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: matchers are positional and may repeat
              <li key={i} className="break-all rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs">
                {formatMatcher(m)}
              </li>
            ))}
          </ul>
          <p className="break-words text-sm" data-testid="silence-comment">
            {s.comment}
          </p>
        </li>
      ))}
    </ul>
  );
}
