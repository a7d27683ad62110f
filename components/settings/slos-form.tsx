'use client';
import { type FormEvent, useState } from 'react';
import { WINDOW_LABELS } from '@/lib/format/slo';
import {
  SLI_KIND_LABELS,
  SLI_KINDS,
  type SliKind,
  type SloFormValues,
  THRESHOLDS_MS,
  toSloInput,
} from '@/lib/format/slo-form';
import { ApiFailure } from '@/lib/swr/fetcher';
import { createSlo, replaceSlo } from '@/lib/swr/slos';
import { FormField, inputClass } from './form-field';

type Field = keyof SloFormValues;

/** Create or edit one SLO; the server validates, and each refused field shows under its input. */
export function SlosForm({
  initial,
  editId,
  onDone,
}: {
  initial: SloFormValues;
  editId: number | null;
  onDone: (message: string) => void;
}) {
  const [v, setV] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: Field) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const input = toSloInput(v);
      if (editId === null) await createSlo(input);
      else await replaceSlo(editId, input);
      onDone(editId === null ? `SLO “${input.name}” created.` : `SLO “${input.name}” saved.`);
    } catch (err) {
      if (!(err instanceof ApiFailure)) return setErrors({ form: 'Saving the SLO failed.' });
      const byField: Record<string, string> = {};
      for (const i of err.issues) byField[i.path.split('.').pop() || 'form'] ??= i.message;
      setErrors(Object.keys(byField).length ? byField : { form: err.message });
    } finally {
      setBusy(false);
    }
  };
  const text = (k: Field, label: string, hint?: string, placeholder?: string) => (
    <FormField id={`slo-${k}`} label={label} hint={hint} error={errors[k]}>
      <input
        id={`slo-${k}`}
        value={v[k]}
        placeholder={placeholder}
        onChange={set(k)}
        aria-invalid={errors[k] ? true : undefined}
        className={inputClass}
      />
    </FormField>
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editId === null ? 'Create an SLO' : 'Edit the SLO'}
      className="space-y-3"
    >
      <div className="grid gap-3 sm:grid-cols-4">
        {text('name', 'Name')}
        {text('service', 'Service', 'optional')}
        <FormField id="slo-objective" label="Objective (%)" error={errors.objective}>
          <input
            id="slo-objective"
            inputMode="decimal"
            value={v.objective}
            onChange={set('objective')}
            aria-invalid={errors.objective ? true : undefined}
            className={inputClass}
          />
        </FormField>
        <FormField id="slo-window" label="Window" error={errors.window}>
          <select id="slo-window" value={v.window} onChange={set('window')} className={inputClass}>
            {Object.entries(WINDOW_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <FormField id="slo-kind" label="SLI" error={errors.kind}>
        <select
          id="slo-kind"
          value={v.kind}
          onChange={(e) => setV({ ...v, kind: e.target.value as SliKind })}
          className={inputClass}
        >
          {SLI_KINDS.map((k) => (
            <option key={k} value={k}>
              {SLI_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </FormField>
      <div className="grid gap-3 sm:grid-cols-4">
        {v.kind === 'probe_availability' && text('target', 'Target', 'the name of a probe target')}
        {(v.kind === 'request_availability' || v.kind === 'request_latency') && (
          <>
            {text('source', 'Source', 'optional log source')}
            {text('provider', 'Provider', 'optional')}
          </>
        )}
        {v.kind === 'request_availability' && (
          <>
            {text('model', 'Model', 'optional')}
            <FormField id="slo-rateLimited" label="429s count as" error={errors.rate_limited}>
              <select id="slo-rateLimited" value={v.rateLimited} onChange={set('rateLimited')} className={inputClass}>
                <option value="good">good</option>
                <option value="bad">bad</option>
                <option value="excluded">left out</option>
              </select>
            </FormField>
          </>
        )}
        {v.kind === 'request_latency' && (
          <FormField id="slo-thresholdMs" label="Threshold" hint="a histogram edge: exact" error={errors.threshold_ms}>
            <select id="slo-thresholdMs" value={v.thresholdMs} onChange={set('thresholdMs')} className={inputClass}>
              {THRESHOLDS_MS.map((t) => (
                <option key={t} value={t}>
                  {t} ms
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      {v.kind === 'promql' && (
        <div className="grid gap-3 sm:grid-cols-2">
          {text(
            'good',
            'Good events',
            'a counter selector, or an expression with [$window]',
            'http_requests_total{status!~"5.."}',
          )}
          {text('total', 'All events', undefined, 'http_requests_total')}
        </div>
      )}
      {errors.form && (
        <p role="alert" className="text-sm text-down">
          {errors.form}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Saving…' : editId === null ? 'Create SLO' : 'Save SLO'}
      </button>
    </form>
  );
}
