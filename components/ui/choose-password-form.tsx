'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure, sendJson } from '@/lib/swr/send-json';

const MIN = 10;
const input = 'w-full rounded-md border border-line bg-bg px-3 py-2 font-mono text-sm aria-[invalid=true]:border-down';

type Field = 'token' | 'password' | 'repeat';

function check(v: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!v.token.trim()) errors.token = 'Enter the admin token.';
  if (v.password.length < MIN) errors.password = `Use at least ${MIN} characters.`;
  else if (v.repeat !== v.password) errors.repeat = 'The two passwords differ.';
  return errors;
}

/** First visit: the admin token proves this is the owner's install, then the chosen password signs in. */
export function ChoosePasswordForm({ next }: { next: string }) {
  const [values, setValues] = useState<Record<Field, string>>({ token: '', password: '', repeat: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await sendJson('POST', '/api/v1/session/password', { token: values.token.trim(), password: values.password });
      window.location.assign(next);
    } catch (err) {
      const text =
        err instanceof ApiFailure && err.status === 401
          ? 'That is not the admin token.'
          : err instanceof Error
            ? err.message
            : 'Saving failed.';
      setErrors(err instanceof ApiFailure && err.status === 401 ? { token: text } : { password: text });
      setBusy(false);
    }
  };
  const field = (name: Field, label: string, hint: string, auto: string) => (
    <div>
      <label htmlFor={`choose-${name}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`choose-${name}`}
        type="password"
        autoComplete={auto}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`choose-${name}-note`}
        className={input}
      />
      <p
        id={`choose-${name}-note`}
        role={errors[name] ? 'alert' : undefined}
        className={`mt-1 text-xs ${errors[name] ? 'font-medium text-down' : 'text-muted'}`}
      >
        {errors[name] ?? hint}
      </p>
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label="Choose a password">
      {field(
        'token',
        'Admin token',
        'LOOKOUT_ADMIN_TOKEN, or the token Lookout wrote to data/admin-token on first start.',
        'off',
      )}
      {field('password', 'New password', `At least ${MIN} characters.`, 'new-password')}
      {field('repeat', 'Repeat the password', 'The same again.', 'new-password')}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Saving…' : 'Save password'}
      </button>
    </form>
  );
}
