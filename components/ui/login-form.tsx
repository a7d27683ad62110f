'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure, sendJson } from '@/lib/swr/send-json';
import { Notice } from './notice';

function failureText(err: unknown): string {
  if (err instanceof ApiFailure && err.status === 401) return 'That password or token is not valid.';
  if (err instanceof ApiFailure && err.status === 403) return err.message;
  return err instanceof Error ? err.message : 'Signing in failed.';
}

/** Exchanges the admin password (or a read/admin token) for a session cookie, then goes to `next` with a full load. */
export function LoginForm({
  next,
  reason,
  label,
  hint,
  focus = true,
}: {
  next: string;
  reason: string | null;
  label: string;
  hint: string;
  focus?: boolean;
}) {
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!secret) return setError('Enter the password or a token.');
    setBusy(true);
    setError(null);
    try {
      await sendJson('POST', '/api/v1/session', { password: secret });
      window.location.assign(next);
    } catch (err) {
      setError(failureText(err));
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Sign in">
      {reason && <Notice tone="warn">{reason}</Notice>}
      <div>
        <label htmlFor="token" className="mb-1 block text-sm font-medium">
          {label}
        </label>
        {/* id "token" predates passwords; scripts and tests fill it with a token or the password alike. */}
        <input
          id="token"
          name="password"
          type="password"
          autoComplete="current-password"
          // biome-ignore lint/a11y/noAutofocus: the login page exists to type this one field
          autoFocus={focus}
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'password-error' : 'password-hint'}
          className="w-full rounded-md border border-line bg-bg px-3 py-2 font-mono text-sm aria-[invalid=true]:border-down"
        />
        {error ? (
          <p id="password-error" role="alert" className="mt-1 text-xs font-medium text-down">
            {error}
          </p>
        ) : (
          <p id="password-hint" className="mt-1 text-xs text-muted">
            {hint}
          </p>
        )}
      </div>
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
