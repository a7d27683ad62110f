'use client';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { describedBy, FormField, inputClass } from '@/components/settings/form-field';
import { Notice } from '@/components/ui/notice';
import type { Rule } from '@/lib/swr/alert-types';
import { ApiFailure } from '@/lib/swr/send-json';
import { createRule, updateRule } from '@/lib/swr/ui-rules';
import {
  EMPTY_RULE,
  type RuleErrors,
  type RuleFormValues,
  ruleFieldErrors,
  ruleRequest,
  valuesFromRule,
} from './rule-form-values';
import { RulePreview } from './rule-preview';

const PREVIEW_DELAY_MS = 400;

/** Creates a rule, or edits one made in /alerts (`editing`); the expression is previewed as it is typed. */
export function RuleEditor({
  editing,
  onDone,
  onCancel,
}: {
  editing?: { id: number; rule: Rule };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<RuleFormValues>(editing ? valuesFromRule(editing.rule) : EMPTY_RULE);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [previewExpr, setPreviewExpr] = useState(values.expr.trim());
  const previewId = useId();
  const id = (field: string) => `rule-${editing?.id ?? 'new'}-${field}`;

  useEffect(() => {
    const timer = setTimeout(() => setPreviewExpr(values.expr.trim()), PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values.expr]);

  const set = (key: keyof RuleFormValues, field?: keyof RuleErrors) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [key]: e.target.value }));
    if (field) setErrors((x) => ({ ...x, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = ruleRequest(values);
    if ('errors' in request) return setErrors(request.errors);
    setBusy(true);
    setGeneral([]);
    try {
      if (editing) await updateRule(editing.id, request.body);
      else await createRule(request.body);
      onDone(
        editing
          ? `Rule ${request.body.name} saved.`
          : `Rule ${request.body.name} created; it is evaluated from now on.`,
      );
    } catch (err) {
      const parsed =
        err instanceof ApiFailure && err.status === 400
          ? ruleFieldErrors(err)
          : { fields: {}, general: [err instanceof Error ? err.message : 'Saving the rule failed.'] };
      setErrors(parsed.fields);
      setGeneral(parsed.general);
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: keyof RuleFormValues,
    label: string,
    field?: keyof RuleErrors,
    hint?: string,
    placeholder?: string,
  ) => (
    <FormField id={id(key)} label={label} hint={hint} error={field && errors[field]}>
      <input
        id={id(key)}
        value={values[key]}
        onChange={set(key, field)}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={field && errors[field] ? true : undefined}
        aria-describedby={describedBy(id(key), field && errors[field], hint)}
        className={inputClass}
      />
    </FormField>
  );
  const lines = (key: 'labels' | 'annotations', label: string, hint: string) => (
    <FormField id={id(key)} label={label} hint={hint} error={errors[key]}>
      <textarea
        id={id(key)}
        rows={2}
        value={values[key]}
        onChange={set(key, key)}
        spellCheck={false}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(id(key), errors[key], hint)}
        className={`${inputClass} font-mono`}
      />
    </FormField>
  );
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Edit rule ${editing.rule.name}` : 'Create a rule'}
      className="space-y-3 rounded-md border border-line p-3"
      data-testid="rule-editor"
    >
      <h3 className="text-sm font-semibold">{editing ? `Edit ${editing.rule.name}` : 'New rule'}</h3>
      {general.length > 0 && (
        <Notice tone="error" role="alert">
          <span data-testid="rule-form-error">{general.join(' ')}</span>
        </Notice>
      )}
      {text('name', 'Name', 'name', undefined, 'e.g. CCProxyDown')}
      <FormField
        id={id('expr')}
        label="Expression (PromQL)"
        hint="The alert fires for every series this returns."
        error={errors.expr}
      >
        <textarea
          id={id('expr')}
          rows={2}
          value={values.expr}
          onChange={set('expr', 'expr')}
          placeholder='e.g. up{job="ccproxy"} == 0'
          spellCheck={false}
          aria-invalid={errors.expr ? true : undefined}
          aria-describedby={describedBy(id('expr'), errors.expr, true)}
          aria-controls={previewId}
          className={`${inputClass} font-mono`}
        />
      </FormField>
      {previewExpr ? (
        <RulePreview id={previewId} expr={previewExpr} refreshMs={0} />
      ) : (
        <p id={previewId} className="text-xs text-muted">
          Type an expression to see what it returns now.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {text('for', 'For', 'for', 'Pending this long before firing (0s fires at once).')}
        {text(
          'keepFiringFor',
          'Keep firing for',
          'keep_firing_for',
          'Stays firing this long after the condition clears.',
        )}
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        {text('summary', 'Summary', undefined, undefined, 'CCProxy is down')}
        {text('runbookUrl', 'Runbook URL', undefined, undefined, 'https://…')}
      </div>
      {text(
        'description',
        'Description',
        undefined,
        'Templates work: {{ $value }}, {{ $labels.job }}, {{ humanize $value }}.',
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        {lines('labels', 'Labels', 'One name=value per line, e.g. severity=critical.')}
        {lines('annotations', 'Other annotations', 'One name=value per line.')}
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
        >
          {busy ? 'Saving…' : editing ? 'Save rule' : 'Create rule'}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-line px-4 py-2 text-sm font-medium hover:bg-surface-2"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
