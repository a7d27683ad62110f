'use client';
import { type FormEvent, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import { issuesToFields } from '@/lib/format/issue-fields';
import { ApiFailure } from '@/lib/swr/send-json';
import { addFileSource, SOURCE_FORMATS, type SourceInput, START_AT } from '@/lib/swr/use-sources';
import { describedBy, FormField, inputClass } from './form-field';

type Field = keyof SourceInput;
type Errors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['name', 'path', 'format', 'start_at', 'timezone'];
const EMPTY: SourceInput = { name: '', path: '', format: 'auto', start_at: 'beginning', timezone: '' };

export function SourcesForm({ onDone }: { onDone: (message: string) => void }) {
  const [values, setValues] = useState<SourceInput>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const control = (field: Field, hint?: string) => ({
    id: `source-${field}`,
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(`source-${field}`, errors[field], hint),
    onChange: (e: { target: { value: string } }) => {
      setValues((v) => ({ ...v, [field]: e.target.value }));
      setErrors((er) => ({ ...er, [field]: undefined }));
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setGeneral([]);
    try {
      const timezone = values.timezone.trim();
      const saved = await addFileSource({
        ...values,
        name: values.name.trim(),
        path: values.path.trim(),
        timezone: timezone === '' ? undefined : timezone,
      });
      setValues(EMPTY);
      setErrors({});
      onDone(`Added ${saved?.name ?? values.name}.`);
    } catch (err) {
      if (err instanceof ApiFailure && (err.status === 400 || err.status === 409)) {
        const parsed = issuesToFields(err, FIELDS);
        setErrors(parsed.fields);
        setGeneral(parsed.general);
      } else {
        setGeneral([err instanceof Error ? err.message : 'Saving failed.']);
      }
    } finally {
      setBusy(false);
    }
  };

  const nameHint = 'Letters, digits and _ . : - ; it becomes the job label.';
  const pathHint = 'A file on the Lookout host; relative paths start from its working directory, ~ is its home.';
  const zoneHint = 'For times written without a zone, e.g. Europe/Berlin; empty means UTC.';
  return (
    <form onSubmit={submit} noValidate aria-label="Add a log file" className="space-y-4">
      <h3 className="text-sm font-semibold">Add a log file</h3>
      {general.length > 0 && (
        <Notice tone="error" role="alert">
          {general.join(' ')}
        </Notice>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="source-name" label="Name" hint={nameHint} error={errors.name}>
          <input
            {...control('name', nameHint)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="ccproxy"
            className={inputClass}
          />
        </FormField>
        <FormField id="source-path" label="Path" hint={pathHint} error={errors.path}>
          <input
            {...control('path', pathHint)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="/var/log/ccproxy.log"
            className={`${inputClass} font-mono`}
          />
        </FormField>
        <FormField id="source-format" label="Format" error={errors.format}>
          <select {...control('format')} className={inputClass}>
            {SOURCE_FORMATS.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </FormField>
        <FormField id="source-timezone" label="Time zone" hint={zoneHint} error={errors.timezone}>
          <input
            {...control('timezone', zoneHint)}
            type="text"
            autoComplete="off"
            spellCheck={false}
            placeholder="UTC"
            className={inputClass}
          />
        </FormField>
        <FormField id="source-start_at" label="Start at" error={errors.start_at}>
          <select {...control('start_at')} className={inputClass}>
            {START_AT.map((s) => (
              <option key={s} value={s}>
                {s === 'beginning' ? 'beginning of the file' : 'end (new lines only)'}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Adding…' : 'Add source'}
      </button>
    </form>
  );
}
