'use client';
import Link from 'next/link';
import { logsHref } from '@/lib/format/drill';
import { formatCount, formatMs, formatRatio } from '@/lib/format/number';
import type { RouteStats } from '@/lib/swr/log-detail-types';
import type { TimeRange } from '@/lib/time/range';

/** The route's fixed words as a free-text search (`/orders/:id/items` → `orders items`). */
const routeWords = (route: string) =>
  route
    .split('/')
    .filter((w) => /^[\w.-]+$/.test(w))
    .join(' ');

const th = 'whitespace-nowrap px-2 py-1.5 font-medium';
const td = 'whitespace-nowrap px-2 py-1.5';

/** One row per templated route and method, busiest first; a route opens the logs of that path. */
export function RoutesTable({ data, range }: { data: RouteStats[]; range: TimeRange }) {
  if (data.length === 0)
    return (
      <p className="py-4 text-center text-sm text-muted">
        No requests with a path in this range — access logs (nginx, Apache, Caddy…) fill this table.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="tabular w-full text-left text-sm" data-testid="routes-table">
        <caption className="sr-only">Requests per route, busiest first</caption>
        <thead>
          <tr className="border-b border-line text-xs text-muted">
            <th scope="col" className={th}>
              Method
            </th>
            <th scope="col" className={th}>
              Route
            </th>
            <th scope="col" className={`${th} text-right`}>
              Requests
            </th>
            <th scope="col" className={`${th} text-right`}>
              Error rate
            </th>
            <th scope="col" className={`${th} text-right`}>
              4xx
            </th>
            <th scope="col" className={`${th} text-right`}>
              p50
            </th>
            <th scope="col" className={`${th} text-right`}>
              p95
            </th>
          </tr>
        </thead>
        <tbody>
          {data.map((r) => (
            <tr key={`${r.method} ${r.route}`} className="border-b border-line last:border-0">
              <td className={`${td} font-mono text-xs`}>{r.method ?? '—'}</td>
              <td className={`${td} font-mono text-xs`}>
                <Link className="text-accent hover:underline" href={logsHref({ ...range, q: routeWords(r.route) })}>
                  {r.route}
                </Link>
              </td>
              <td className={`${td} text-right`}>{formatCount(r.requests)}</td>
              <td className={`${td} text-right ${r.error_rate >= 0.05 ? 'text-down' : ''}`}>
                {formatRatio(r.error_rate)}
              </td>
              <td className={`${td} text-right`}>{formatCount(r.client_errors)}</td>
              <td className={`${td} text-right`}>{formatMs(r.p50_ms)}</td>
              <td className={`${td} text-right`}>{formatMs(r.p95_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
