'use client';
import { useSearchParams } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { RangePicker } from '@/components/panels/range-picker';
import { RefreshNote } from '@/components/panels/refresh-note';
import { describedBy, FormField, inputClass } from '@/components/settings/form-field';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { usePrometheusLabelValues } from '@/lib/swr/use-prometheus-label-values';
import { usePrometheusRange } from '@/lib/swr/use-prometheus-range';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { rangeFromParams, resolveRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { useSetParams } from '@/lib/time/use-set-params';
import { ExploreChart } from './explore-chart';
import { matrixToRows, stepFor } from './explore-rows';
import { ExploreTable } from './explore-table';

const FIELD = 'explore-expr';

/** /explore: a PromQL expression (in the URL as `q`) over the chosen range, as a graph and a table. */
export function ExploreView() {
  const params = useSearchParams();
  const setParams = useSetParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '1h');
  const expr = params.get('q')?.trim() || null;
  const [text, setText] = useState(expr ?? '');
  useEffect(() => setText(expr ?? ''), [expr]);
  const now = useNow();
  const { from, to } = resolveRange(range, now || Date.now());
  // Whole steps keep the SWR key (and the server's answer) stable between refreshes of a relative range.
  const step = stepFor(from, to);
  const start = Math.floor(from / 1000 / step) * step * 1000;
  const end = Math.floor(to / 1000 / step) * step * 1000;
  const { result, error, isValidating } = usePrometheusRange(now ? expr : null, start, end, step, refreshMs);
  const { values: metrics } = usePrometheusLabelValues('__name__');
  useAuthRedirect(error);
  const run = (e: FormEvent) => {
    e.preventDefault();
    setParams({ q: text.trim() || null }, { push: true });
  };
  const { rows, series } = result ? matrixToRows(result) : { rows: [], series: [] };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error && !!result} />
      </div>
      <form onSubmit={run} className="space-y-2" aria-label="Query">
        <FormField
          id={FIELD}
          label="Expression (PromQL)"
          hint={`The same series and engine as alert rules; one point every ${step} s.`}
        >
          <textarea
            id={FIELD}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey) run(e);
            }}
            placeholder="e.g. sum by (provider) (rate(http_requests_total[5m]))"
            spellCheck={false}
            aria-describedby={describedBy(FIELD, undefined, true)}
            className={`${inputClass} font-mono`}
          />
        </FormField>
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg">
            Run
          </button>
          {metrics && metrics.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-muted">Metric names ({metrics.length})</summary>
              <ul className="mt-1 flex flex-wrap gap-1" aria-label="Metric names">
                {metrics.map((m) => (
                  <li key={m}>
                    <button
                      type="button"
                      onClick={() => setText((t) => (t.trim() ? `${t} ${m}` : m))}
                      className="rounded border border-line bg-surface-2 px-1.5 py-0.5 font-mono text-xs hover:bg-surface"
                    >
                      {m}
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      </form>
      {!expr ? (
        <p className="text-sm text-muted">Type an expression and press Run to see it over the range.</p>
      ) : error ? (
        <Notice tone="error" role="alert">
          <span data-testid="explore-error">{error instanceof Error ? error.message : String(error)}</span>
        </Notice>
      ) : !result ? (
        <LoadingBlock label="Evaluating the expression" className="h-64" />
      ) : (
        <>
          <ExploreChart rows={rows} series={series} domain={[start, end]} />
          {series.length === 0 ? (
            <p className="text-sm text-muted">No series: nothing matches, or the condition is false over the range.</p>
          ) : (
            <ExploreTable series={series} />
          )}
        </>
      )}
    </div>
  );
}
