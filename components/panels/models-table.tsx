'use client';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { logsHref, termFor } from '@/lib/format/drill';
import { formatCount, formatMs, formatRatio } from '@/lib/format/number';
import { type SortDir, sortRows } from '@/lib/format/sort';
import type { ModelStats } from '@/lib/swr/types';
import type { TimeRange } from '@/lib/time/range';
import { useSetParams } from '@/lib/time/use-set-params';

const COLUMNS = [
  {
    key: 'provider',
    label: 'Provider',
    value: (r: ModelStats) => r.provider,
    show: (r: ModelStats) => r.provider || 'unknown',
  },
  { key: 'model', label: 'Model', value: (r: ModelStats) => r.model, show: (r: ModelStats) => r.model || 'unknown' },
  {
    key: 'requests',
    label: 'Requests',
    value: (r: ModelStats) => r.requests,
    show: (r: ModelStats) => formatCount(r.requests),
  },
  { key: 'share', label: 'Share', value: (r: ModelStats) => r.share, show: (r: ModelStats) => formatRatio(r.share) },
  {
    key: 'error_rate',
    label: 'Error rate',
    value: (r: ModelStats) => r.error_rate,
    show: (r: ModelStats) => formatRatio(r.error_rate),
  },
  {
    key: 'rate_limited',
    label: '429s',
    value: (r: ModelStats) => r.rate_limited,
    show: (r: ModelStats) => formatCount(r.rate_limited),
  },
  { key: 'p50_ms', label: 'p50', value: (r: ModelStats) => r.p50_ms, show: (r: ModelStats) => formatMs(r.p50_ms) },
  { key: 'p95_ms', label: 'p95', value: (r: ModelStats) => r.p95_ms, show: (r: ModelStats) => formatMs(r.p95_ms) },
  {
    key: 'input_tokens',
    label: 'Tokens in',
    value: (r: ModelStats) => r.input_tokens,
    show: (r: ModelStats) => formatCount(r.input_tokens),
  },
  {
    key: 'output_tokens',
    label: 'Tokens out',
    value: (r: ModelStats) => r.output_tokens,
    show: (r: ModelStats) => formatCount(r.output_tokens),
  },
] as const;

/** One row per provider and model; column headers sort (the choice is in the URL as `sort` and `dir`). */
export function ModelsTable({ data, range }: { data: ModelStats[]; range: TimeRange }) {
  const params = useSearchParams();
  const setParams = useSetParams();
  const sortKey = COLUMNS.find((c) => c.key === params.get('sort'))?.key ?? 'requests';
  const dir: SortDir = params.get('dir') === 'asc' ? 'asc' : 'desc';
  const column = COLUMNS.find((c) => c.key === sortKey) ?? COLUMNS[2];
  const rows = sortRows<ModelStats>(data, column.value, dir, (r) => `${r.provider}/${r.model}`);
  const sortBy = (key: string) => setParams({ sort: key, dir: key === sortKey && dir === 'desc' ? 'asc' : 'desc' });
  if (rows.length === 0)
    return (
      <p className="py-4 text-center text-sm text-muted">
        No requests in this range, so no providers or models to compare.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="tabular w-full text-left text-sm" data-testid="models-table">
        <caption className="sr-only">Providers and models, sorted by {column.label}</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={c.key === sortKey ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
                className="whitespace-nowrap px-2 py-1.5 font-medium"
              >
                <button
                  type="button"
                  onClick={() => sortBy(c.key)}
                  className="inline-flex items-center gap-1 hover:text-fg"
                >
                  {c.label}
                  <span aria-hidden="true">{c.key === sortKey ? (dir === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.provider}/${r.model}`} className="border-b border-line last:border-0">
              {COLUMNS.map((c, i) => (
                <td
                  key={c.key}
                  className={`whitespace-nowrap px-2 py-1.5 ${i > 1 ? 'text-right' : ''} ${c.key === 'error_rate' && r.error_rate >= 0.05 ? 'text-down' : ''}`}
                >
                  {i === 1 ? (
                    <Link
                      className="text-accent hover:underline"
                      href={logsHref({
                        ...range,
                        q: [termFor('provider', r.provider), termFor('model', r.model)].filter(Boolean).join(' '),
                      })}
                    >
                      {c.show(r)}
                    </Link>
                  ) : (
                    c.show(r)
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
