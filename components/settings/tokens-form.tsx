'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '@/lib/swr/fetcher';
import { createToken, type NewToken, TOKEN_SCOPES, type TokenScope } from '@/lib/swr/use-tokens';
import { describedBy, FormField, inputClass } from './form-field';

const SCOPE_HINTS: Record<TokenScope, string> = {
  read: 'reads the API, /metrics, and /wall or /embed with ?token=',
  ingest: 'only posts logs to /api/v1/logs',
  admin: 'does everything',
};

export function TokensForm({ onCreated }: { onCreated: (t: NewToken) => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError('Give the token a name, such as “grafana” or “wall screen”.');
    setBusy(true);
    setError(undefined);
    try {
      const t = await createToken(name.trim(), scope);
      if (t) onCreated(t);
      setName('');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message.replace(/^name: /, '') : 'Creating the token failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Create a token"
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
    >
      <FormField id="token-name" label="Name" hint="Who or what uses it" error={error}>
        <input
          id="token-name"
          value={name}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy('token-name', error, true)}
          className={inputClass}
        />
      </FormField>
      <FormField id="token-scope" label="Scope" hint={SCOPE_HINTS[scope]}>
        <select
          id="token-scope"
          value={scope}
          onChange={(e) => setScope(e.target.value as TokenScope)}
          aria-describedby="token-scope-hint"
          className={inputClass}
        >
          {TOKEN_SCOPES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </FormField>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60 sm:mb-5"
      >
        {busy ? 'Creating…' : 'Create token'}
      </button>
    </form>
  );
}
