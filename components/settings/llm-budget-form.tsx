'use client';
import { type FormEvent, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import type { BudgetInput } from '@/lib/llm/budget-schema';
import { createBudget } from '@/lib/swr/llm-changes';
import { fieldErrors, numberOrText } from './field-errors';
import { FormField, inputClass } from './form-field';

const EMPTY = { name: '', provider: '', model: '', client: '', period: 'day', limit_usd: '' };

/** A new budget; the API's field-level errors show under their fields. */
export function LlmBudgetForm({ onSaved }: { onSaved: (name: string) => void }) {
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof EMPTY) => (e: { target: { value: string } }) => setV({ ...v, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: v.name,
      period: v.period,
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
      {field('limit_usd', 'Limit (USD)', 'US dollars for the whole period')}
      <FormField id="budget-period" label="Period (UTC)" error={errors.period}>
        <select id="budget-period" className={inputClass} value={v.period} onChange={set('period')}>
          <option value="day">day</option>
          <option value="week">week (from Monday)</option>
          <option value="month">month</option>
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
