'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '@/lib/swr/fetcher';
import { openStatusIncident } from '@/lib/swr/use-status-pages';
import { FormField, inputClass } from './form-field';

const IMPACTS = ['minor', 'major', 'critical'] as const;

/** Opens an incident by hand, with its first update in Markdown; later updates go through the API. */
export function StatusIncidentForm({
  pageId,
  components,
  onDone,
}: {
  pageId: number;
  components: string[];
  onDone: (title: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [impact, setImpact] = useState<(typeof IMPACTS)[number]>('minor');
  const [message, setMessage] = useState('');
  const [affected, setAffected] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await openStatusIncident(pageId, { title: title.trim(), impact, components: affected, message });
      onDone(title.trim());
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Opening the incident failed.');
    }
  };
  const id = `inc-${pageId}`;
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label="Open an incident"
      className="space-y-2 rounded-md border border-line p-3"
    >
      <FormField id={`${id}-title`} label="Title" error={error}>
        <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />
      </FormField>
      <FormField id={`${id}-impact`} label="Impact">
        <select
          id={`${id}-impact`}
          value={impact}
          onChange={(e) => setImpact(e.target.value as (typeof IMPACTS)[number])}
          className={inputClass}
        >
          {IMPACTS.map((i) => (
            <option key={i}>{i}</option>
          ))}
        </select>
      </FormField>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className="mb-1 font-medium">Affected</legend>
        {components.map((c) => (
          <label key={c} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={affected.includes(c)}
              onChange={(e) => setAffected(e.target.checked ? [...affected, c] : affected.filter((a) => a !== c))}
            />
            {c}
          </label>
        ))}
      </fieldset>
      <FormField
        id={`${id}-message`}
        label="First update"
        hint="Markdown: **bold**, *italic*, `code`, [links](https://…), - lists"
      >
        <textarea
          id={`${id}-message`}
          value={message}
          rows={3}
          onChange={(e) => setMessage(e.target.value)}
          className={inputClass}
        />
      </FormField>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-accent-fg">
        Open incident
      </button>
    </form>
  );
}
