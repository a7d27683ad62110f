'use client';
import { type FormEvent, useState } from 'react';
import { Card } from '@/components/ui/card';
import { Notice } from '@/components/ui/notice';
import type { PriceInput } from '@/lib/llm/price-schema';
import { deletePrice, savePrice } from '@/lib/swr/llm-changes';
import { useLlmPrices } from '@/lib/swr/use-llm-prices';
import { fieldErrors, numberOrText } from './field-errors';
import { FormField, inputClass } from './form-field';

const EMPTY = { provider: '', model: '', input: '', output: '', cached_input: '', per_hour: '' };
const NUMBERS = ['input', 'output', 'cached_input', 'per_hour'] as const;

/** The price table (USD per 1M tokens): shipped prices with date and sources, and overrides admins set here. */
export function LlmPricesAdmin({ canEdit }: { canEdit: boolean }) {
  const { prices, error } = useLlmPrices();
  const [v, setV] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = { provider: v.provider, model: v.model };
    for (const k of NUMBERS) body[k] = numberOrText(v[k]);
    if (body.input === undefined) body.input = '';
    if (body.output === undefined) body.output = '';
    try {
      await savePrice(body as PriceInput);
      setErrors({});
      setMessage(`Price of ${v.provider}/${v.model} saved; requests ingested from now on use it.`);
      setV(EMPTY);
    } catch (err) {
      setErrors(fieldErrors(err));
    }
  };
  return (
    <Card title="LLM prices (USD per 1M tokens)" actions={<span id="llm-prices" />}>
      <div className="space-y-4" data-testid="prices-admin">
        {message && <Notice role="status">{message}</Notice>}
        {error && <Notice tone="error">Could not load prices: {error.message}</Notice>}
        {prices && (
          <div className="max-h-72 overflow-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-muted">
                <tr>
                  <th className="pr-3 font-medium">Provider / model</th>
                  <th className="pr-3 text-right font-medium">Input</th>
                  <th className="pr-3 text-right font-medium">Output</th>
                  <th className="pr-3 text-right font-medium">Cached</th>
                  <th className="pr-3 font-medium">From</th>
                  <th />
                </tr>
              </thead>
              <tbody className="tabular">
                {prices.map((p) => (
                  <tr key={`${p.provider}/${p.model}`} className="border-t border-line">
                    <td className="pr-3">
                      {p.provider}/{p.model}
                    </td>
                    <td className="pr-3 text-right">{p.input}</td>
                    <td className="pr-3 text-right">{p.output}</td>
                    <td className="pr-3 text-right">{p.cached_input ?? '–'}</td>
                    <td className="pr-3 text-muted">
                      {p.origin === 'shipped' ? (
                        <a href={p.sources[0]} className="underline" rel="noreferrer" target="_blank">
                          published {p.taken}
                        </a>
                      ) : (
                        `${p.origin === 'file' ? 'lookout.yml' : 'settings'} ${p.taken ?? ''}`
                      )}
                      {p.per_hour ? ` · $${p.per_hour}/h` : ''}
                    </td>
                    <td>
                      {canEdit && p.origin === 'settings' && (
                        <button
                          type="button"
                          className="text-down underline"
                          onClick={() => void deletePrice(p.provider, p.model)}
                        >
                          Remove
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="text-xs text-muted">
          Prices are in US dollars; other currencies are not supported (docs/llm-cost.md).
        </p>
        {canEdit && (
          <form onSubmit={(e) => void submit(e)} className="grid gap-3 sm:grid-cols-3" data-testid="price-form">
            {(['provider', 'model', ...NUMBERS] as const).map((k) => (
              <FormField key={k} id={`price-${k}`} label={k.replace('_', ' ')} error={errors[k]}>
                <input
                  id={`price-${k}`}
                  className={inputClass}
                  value={v[k]}
                  onChange={(e) => setV({ ...v, [k]: e.target.value })}
                  aria-invalid={!!errors[k]}
                  data-testid={`price-${k}`}
                />
              </FormField>
            ))}
            {errors.form && (
              <div className="sm:col-span-3">
                <Notice tone="error">{errors.form}</Notice>
              </div>
            )}
            <div className="sm:col-span-3">
              <button
                type="submit"
                className="rounded-md border border-line px-3 py-1.5 text-sm"
                data-testid="price-save"
              >
                Save price
              </button>
            </div>
          </form>
        )}
      </div>
    </Card>
  );
}
