'use client';
import { useState } from 'react';
import { RelativeTime } from '@/components/ui/local-time';
import { type ApiToken, revokeToken } from '@/lib/swr/use-tokens';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2 disabled:opacity-60';

function Revoke({ token, onMessage }: { token: ApiToken; onMessage: (m: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await revokeToken(token.id);
      onMessage(`Revoked ${token.name}; it no longer works.`);
    } catch (err) {
      onMessage(err instanceof Error ? err.message : 'That did not work.');
      setBusy(false);
      setConfirming(false);
    }
  };
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className={`${button} text-down`}
        aria-label={`Revoke ${token.name}`}
      >
        Revoke
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Confirm revoking ${token.name}`} className="flex flex-wrap items-center gap-2">
      <span className="text-xs">Revoke {token.name}? Whatever uses it stops working.</span>
      {/* biome-ignore lint/a11y/noAutofocus: focus moves to the confirmation the user just asked for */}
      <button type="button" onClick={revoke} disabled={busy} className={`${button} border-down text-down`} autoFocus>
        Yes, revoke
      </button>
      <button type="button" onClick={() => setConfirming(false)} className={button}>
        Keep
      </button>
    </div>
  );
}

export function TokensList({ tokens, onMessage }: { tokens: ApiToken[]; onMessage: (m: string) => void }) {
  if (tokens.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="tokens-empty">
        No API tokens yet. Create one below for scripts, log shippers or a wall screen.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-line">
      {tokens.map((t) => (
        <li key={t.id} data-testid={`token-${t.name}`} className="flex flex-wrap items-center gap-3 py-2">
          <div className="min-w-0 flex-1">
            <span className="font-medium">{t.name}</span>{' '}
            <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">{t.scope}</span>
            <p className="text-xs text-muted">
              created <RelativeTime ts={t.created_at} /> · last used{' '}
              {t.last_used_at ? <RelativeTime ts={t.last_used_at} /> : 'never'}
            </p>
          </div>
          <Revoke token={t} onMessage={onMessage} />
        </li>
      ))}
    </ul>
  );
}
