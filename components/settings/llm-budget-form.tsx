'use client';
import { type FormEvent, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import type { BudgetInput } from '@/lib/llm/budget-schema';
import { createBudget } from '@/lib/swr/llm-changes';
import { fieldErrors, numberOrText } from './field-errors';
import { FormField, inputClass } from './form-field';

const EMPTY = { name: '', provider: '', model: '', client: '', span: 'window:24h', limit_usd: '' };

/** Rolling windows first: spend of the last 24 h / 7 d / 30 d, whatever the calendar says (docs/llm-cost.md). */
const SPANS = [
  ['window:24h', 'last 24 hours (rolling)'],
  ['window:7d', 'last 7 days (rolling)'],
  ['window:30d', 'last 30 days (rolling)'],
  ['period:day', 'calendar day (UTC)'],
  ['period:week', 'calendar week from Monday (UTC)'],
  ['period:month', 'calendar month (UTC)'],
] as const;

/** A new budget; the API's field-level errors show under their fields. */
export function LlmBudgetForm({ onSaved }: { onSaved: (name: string) => void }) {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = v.span.split(':');
    const body = {
      name: v.name,
      [kind]: value,
      limit_usd: numberOrText(v.limit_usd),
      ...(v.provider.trim() && { provider: v.provider }),
      ...(v.model.trim() && { model: v.model }),
      ...(v.client.trim() && { client: v.client }),
    };
    try {
      await createBudget(body as BudgetInput);
      setErrors({});
      setV(EMPTY);
      onSaved(v.name);
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  const field = (k: keyof typeof EMPTY, label: string, hint?: string) => (
    <FormField id={`budget-${k}`} label={label} hint={hint} error={errors[k]}>
      <input
        id={`budget-${k}`}
        className={inputClass}
        value={v[k]}
        onChange={set(k)}
        aria-invalid={!!errors[k]}
        data-testid={`budget-${k}`}
      />
    </FormField>
  );
  return (
    <form onSubmit={(e) => void submit(e)} className="grid gap-3 sm:grid-cols-3" data-testid="budget-form">
      {field('name', 'Name')}
      {field('limit_usd', 'Limit (USD)', 'US dollars for the whole window or period')}
      <FormField id="budget-span" label="Counts spend over" error={errors.window ?? errors.period}>
        <select id="budget-span" className={inputClass} value={v.span} onChange={set('span')} data-testid="budget-span">
          {SPANS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      {field('provider', 'Provider', 'empty: every provider')}
      {field('model', 'Model', 'empty: every model')}
      {field('client', 'Client', 'empty: every client')}
      {errors.form && (
        <div className="sm:col-span-3">
          <Notice tone="error">{errors.form}</Notice>
        </div>
      )}
      <div className="sm:col-span-3">
        <button type="submit" className="rounded-md border border-line px-3 py-1.5 text-sm" data-testid="budget-save">
          Add budget
        </button>
      </div>
    </form>
  );
}
