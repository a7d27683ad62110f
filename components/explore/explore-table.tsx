'use client';
import { LabelChips } from '@/components/alerts/label-chips';
import type { ExploreSeries } from './explore-rows';

/** Each series the expression returned, with its value at the end of the window. */
export function ExploreTable({ series }: { series: ExploreSeries[] }) {
  return (
    <table className="tabular w-full text-left text-sm" data-testid="explore-table">
      <caption className="sr-only">Series the expression returns</caption>
      <thead>
        <tr className="text-xs text-muted">
          <th scope="col" className="px-1 py-1 font-medium">
            Series
          </th>
          <th scope="col" className="px-1 py-1 text-right font-medium">
            Last value
          </th>
        </tr>
      </thead>
      <tbody>
        {series.map((s) => (
          <tr key={s.key} className="border-t border-line">
            <td className="px-1 py-1">
              {Object.keys(s.labels).length ? (
                <LabelChips labels={s.labels} />
              ) : (
                <span className="text-muted">{'{}'}</span>
              )}
            </td>
            <td className="px-1 py-1 text-right font-mono" data-testid="explore-value">
              {s.last ?? '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
