'use client';
import { useState, type FormEvent } from 'react';
import { ApiFailure, sendJson } from '@/lib/swr/send-json';
import { Notice } from './notice';

/** Exchanges the admin token for a session cookie, then goes to `next` with a full load so the server sees it. */
export function LoginForm({ next, reason }: { next: string; reason: string | null }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) return setError('Enter the admin token.');
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/v1/session', { token: token.trim() });
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof ApiFailure && err.status === 401 ? 'That token is not valid. Use LOOKOUT_ADMIN_TOKEN or the one in data/admin-token.' : err instanceof Error ? err.message : 'Signing in failed.');
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
      {reason && <Notice tone="warn">{reason}</Notice>}
      <div>
        <label htmlFor="token" className="mb-1 block text-sm font-medium">
          Admin token
        </label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={token}
          onChange={(e) => setToken(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-error' : 'token-hint'}
          className="w-full rounded-md border border-line bg-bg px-3 py-2 font-mono text-sm aria-[invalid=true]:border-down"
        />
        {error ? (
          <p id="token-error" role="alert" className="mt-1 text-xs font-medium text-down">
            {error}
          </p>
        ) : (
          <p id="token-hint" className="mt-1 text-xs text-muted">
            LOOKOUT_ADMIN_TOKEN, or the token Lookout wrote to data/admin-token on first start.
          </p>
        )}
      </div>
      <button type="submit" disabled={busy} className="w-full rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60">
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
