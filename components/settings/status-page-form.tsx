'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '@/lib/swr/fetcher';
import { createStatusPage } from '@/lib/swr/use-status-pages';
import { useTargets } from '@/lib/swr/use-targets';
import { describedBy, FormField, inputClass } from './form-field';

/** A new page: slug, title, description, and which targets to show under which public name. */
export function StatusPageForm({ onCreated }: { onCreated: (slug: string) => void }) {
  const { targets } = useTargets();
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [shown, setShown] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const components = Object.entries(shown).map(([target, name]) => ({
      name: name.trim() || target,
      targets: [target],
    }));
    if (!components.length) return setErrors({ components: 'Choose at least one target to show.' });
    setBusy(true);
    setErrors({});
    try {
      await createStatusPage({
        slug: slug.trim(),
        title: title.trim(),
        description,
        groups: [{ name: '', components }],
      });
      onCreated(slug.trim());
      setSlug('');
      setTitle('');
      setDescription('');
      setShown({});
    } catch (err) {
      if (err instanceof ApiFailure && err.issues?.length)
        setErrors(Object.fromEntries(err.issues.map((i) => [i.path.split('.')[0], i.message])));
      else setErrors({ slug: err instanceof Error ? err.message : 'Creating the page failed.' });
    } finally {
      setBusy(false);
    }
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, hint: string) => (
    <FormField id={`sp-${id}`} label={label} hint={hint} error={errors[id]}>
      <input
        id={`sp-${id}`}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors[id] ? true : undefined}
        aria-describedby={describedBy(`sp-${id}`, errors[id], true)}
        className={inputClass}
      />
    </FormField>
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Create a status page" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        {field('slug', 'Slug', slug, setSlug, 'The address: /status/<slug> (lower-case, digits, dashes)')}
        {field('title', 'Title', title, setTitle, 'Shown at the top of the page')}
      </div>
      {field('description', 'Description', description, setDescription, 'Optional, one line under the title')}
      <fieldset aria-describedby={errors.components ? 'sp-components-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">Components: targets to show, with a public name</legend>
        {(targets ?? []).map((t) => (
          <div key={t.id} className="flex items-center gap-2 py-1">
            <input
              type="checkbox"
              id={`sp-show-${t.name}`}
              checked={t.name in shown}
              onChange={(e) => {
                const next = { ...shown };
                if (e.target.checked) next[t.name] = t.name;
                else delete next[t.name];
                setShown(next);
              }}
            />
            <label htmlFor={`sp-show-${t.name}`} className="w-40 truncate text-sm">
              {t.name}
            </label>
            {t.name in shown && (
              <input
                aria-label={`Public name of ${t.name}`}
                value={shown[t.name]}
                onChange={(e) => setShown({ ...shown, [t.name]: e.target.value })}
                className={`${inputClass} max-w-xs`}
              />
            )}
          </div>
        ))}
        {errors.components || errors.groups ? (
          <p id="sp-components-error" role="alert" className="mt-1 text-xs font-medium text-down">
            {errors.components ?? errors.groups}
          </p>
        ) : null}
      </fieldset>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Creating…' : 'Create status page'}
      </button>
    </form>
  );
}
