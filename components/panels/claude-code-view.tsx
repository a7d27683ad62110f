'use client';
import { useSearchParams } from 'next/navigation';
import { Chart, type ChartSeries } from '@/components/charts/chart';
import { seriesToRows } from '@/components/charts/rows';
import { Card } from '@/components/ui/card';
import { formatCount } from '@/lib/format/number';
import { SERIES_COLORS } from '@/lib/format/palette';
import type { ClaudeCodeUsage } from '@/lib/swr/types';
import { useAuthRedirect } from '@/lib/swr/use-auth-redirect';
import { useClaudeCodeUsage } from '@/lib/swr/use-claude-code-usage';
import { useRefreshInterval } from '@/lib/swr/use-refresh-interval';
import { rangeFromParams, resolveRange } from '@/lib/time/range';
import { useNow } from '@/lib/time/use-now';
import { PanelBody } from './panel-body';
import { RangePicker } from './range-picker';
import { RefreshNote } from './refresh-note';

const usd = (v: number) => `$${v.toFixed(v >= 100 ? 0 : 2)}`;

const palette = (keys: string[], label: (k: string) => string): ChartSeries[] =>
  keys.map((key, i) => ({ key, label: label(key), color: `var(${SERIES_COLORS[i % SERIES_COLORS.length]})` }));

function UsageTable({ rows }: { rows: ClaudeCodeUsage['rows'] }) {
  if (rows.length === 0)
    return <p className="py-4 text-center text-sm text-muted">No Claude Code usage in this range.</p>;
  const cols = ['User', 'Model', 'Input', 'Output', 'Cache read', 'Cache creation', 'Cost'];
  return (
    <div className="overflow-x-auto">
      <table className="tabular w-full text-left text-sm" data-testid="claude-code-table">
        <caption className="sr-only">Claude Code tokens and cost per user and model, most expensive first</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            {cols.map((c, i) => (
              <th
                key={c}
                scope="col"
                className={`whitespace-nowrap px-2 py-1.5 font-medium ${i > 1 ? 'text-right' : ''}`}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.user}/${r.model}`} className="border-b border-line last:border-0">
              <td className="whitespace-nowrap px-2 py-1.5">{r.user || 'unknown'}</td>
              <td className="whitespace-nowrap px-2 py-1.5">{r.model || 'unknown'}</td>
              {[r.input, r.output, r.cache_read, r.cache_creation].map((n, i) => (
                <td key={cols[i + 2]} className="whitespace-nowrap px-2 py-1.5 text-right">
                  {formatCount(n)}
                </td>
              ))}
              <td className="whitespace-nowrap px-2 py-1.5 text-right">{usd(r.cost_usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Claude Code's own telemetry (OTLP metrics): tokens by type and cost by user over time, totals per user and model. */
export function ClaudeCodeView() {
  const params = useSearchParams();
  const refreshMs = useRefreshInterval();
  const range = rangeFromParams(params.get('from'), params.get('to'), '24h');
  const { data, error, isValidating } = useClaudeCodeUsage(range, refreshMs);
  useAuthRedirect(error);
  const { from, to } = resolveRange(range, useNow() || Date.now());
  const step = data ? `${Math.round(data.step_ms / 60_000)} min` : '';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RangePicker range={range} />
        <RefreshNote refreshMs={refreshMs} validating={isValidating} failed={!!error && !!data} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Tokens by type">
          <PanelBody data={data} error={error} what="Claude Code tokens">
            {(d) => (
              <Chart
                label={`Tokens per ${step} by type`}
                kind="area"
                stacked
                rows={seriesToRows(d.tokens)}
                series={palette(
                  d.tokens.map((s) => s.key),
                  (k) => k || 'unknown',
                )}
                domain={[from, to]}
                formatValue={formatCount}
                emptyText="No Claude Code tokens in this range"
              />
            )}
          </PanelBody>
        </Card>
        <Card title="Cost by user">
          <PanelBody data={data} error={error} what="Claude Code cost">
            {(d) => (
              <Chart
                label={`Cost in USD per ${step} by user`}
                kind="bar"
                stacked
                rows={seriesToRows(d.cost)}
                series={palette(
                  d.cost.map((s) => s.key),
                  (k) => k || 'unknown',
                )}
                domain={[from, to]}
                formatValue={usd}
                emptyText="No Claude Code cost in this range"
              />
            )}
          </PanelBody>
        </Card>
      </div>
      <Card title="Per user and model">
        <PanelBody data={data} error={error} what="Claude Code usage" skeleton="h-40">
          {(d) => <UsageTable rows={d.rows} />}
        </PanelBody>
      </Card>
    </div>
  );
}
