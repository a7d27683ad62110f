'use client';
import { type FormEvent, useState } from 'react';
import { describedBy, FormField, inputClass } from '@/components/settings/form-field';
import { Notice } from '@/components/ui/notice';
import { ApiFailure } from '@/lib/swr/send-json';
import { createSilence } from '@/lib/swr/use-silences';
import { DurationPicker } from './duration-picker';
import { type SilenceErrors, type SilenceFormValues, silenceFieldErrors, silenceRequest } from './silence-request';

const FIRST = 'alertname="CCProxyDown"';

/** Creates a silence; keyed by the parent, so a "Silence" shortcut starts a fresh form with its matchers. */
export function SilenceForm({
  initialMatchers = '',
  onDone,
}: {
  initialMatchers?: string;
  onDone: (message: string) => void;
}) {
  const [values, setValues] = useState<SilenceFormValues>({
    matchers: initialMatchers,
    duration: '1h',
    endsAt: '',
    author: '',
    comment: '',
  });
  const [errors, setErrors] = useState<SilenceErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SilenceFormValues>(key: K, value: SilenceFormValues[K], field?: keyof SilenceErrors) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (field) setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = silenceRequest(values);
    if ('errors' in request) return setErrors(request.errors);
    setBusy(true);
    setGeneral([]);
    try {
      await createSilence(request.body);
      setValues((v) => ({ ...v, matchers: '', comment: '' }));
      setErrors({});
      onDone(`Silence created (${values.duration === 'custom' ? 'until the chosen time' : `for ${values.duration}`}).`);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 400) {
        const parsed = silenceFieldErrors(err);
        setErrors(parsed.fields);
        setGeneral(parsed.general);
      } else {
        // 409 alerting_not_configured and the like: the API's message says what to do.
        setGeneral([err instanceof Error ? err.message : 'Creating the silence failed.']);
      }
    } finally {
      setBusy(false);
    }
  };

  const hint = (
    <>
      One per line: <code>{FIRST}</code>, <code>{'severity=~"warn|crit"'}</code>, <code>{'job!="x"'}</code>
    </>
  );
  return (
    <form
      id="silence-form"
      onSubmit={submit}
      noValidate
      aria-label="Create a silence"
      className="scroll-mt-20 space-y-3"
    >
      <h3 className="text-sm font-semibold">New silence</h3>
      {general.length > 0 && (
        <Notice tone="error" role="alert">
          <span data-testid="silence-form-error">{general.join(' ')}</span>
        </Notice>
      )}
      <FormField id="silence-matchers" label="Matchers" hint={hint} error={errors.matchers}>
        <textarea
          id="silence-matchers"
          rows={3}
          value={values.matchers}
          onChange={(e) => set('matchers', e.target.value, 'matchers')}
          placeholder={`e.g. ${FIRST}`}
          spellCheck={false}
          aria-invalid={errors.matchers ? true : undefined}
          aria-describedby={describedBy('silence-matchers', errors.matchers, hint)}
          className={`${inputClass} font-mono`}
        />
      </FormField>
      <DurationPicker
        duration={values.duration}
        endsAt={values.endsAt}
        error={errors.ends_at}
        onDuration={(d) => set('duration', d, 'ends_at')}
        onEndsAt={(t) => set('endsAt', t, 'ends_at')}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="silence-author" label="Author" error={errors.created_by}>
          <input
            id="silence-author"
            value={values.author}
            onChange={(e) => set('author', e.target.value, 'created_by')}
            autoComplete="name"
            aria-invalid={errors.created_by ? true : undefined}
            aria-describedby={describedBy('silence-author', errors.created_by)}
            className={inputClass}
          />
        </FormField>
        <FormField id="silence-comment" label="Comment" error={errors.comment}>
          <input
            id="silence-comment"
            value={values.comment}
            onChange={(e) => set('comment', e.target.value, 'comment')}
            placeholder="Why, and who is on it"
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={describedBy('silence-comment', errors.comment)}
            className={inputClass}
          />
        </FormField>
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Creating…' : 'Create silence'}
      </button>
    </form>
  );
}
