'use client';
import { RelativeTime } from '@/components/ui/local-time';
import { formatElapsed } from '@/lib/format/duration';
import { formatBytes, formatCount } from '@/lib/format/number';
import type { SystemSnapshot } from '@/lib/swr/use-system';

type Queue = SystemSnapshot['remote_write'][number];

function QueueRow({ q }: { q: Queue }) {
  const behind = q.lag_s > 60;
  return (
    <tr className="border-t border-line align-top" data-testid={`remote-write-${q.name}`}>
      <td className="px-3 py-2">
        <div className="font-medium">{q.name}</div>
        <div className="font-mono text-xs text-muted break-all">{q.url}</div>
      </td>
      <td className="tabular px-3 py-2 text-right">
        {formatCount(q.pending)}
        <div className="text-xs text-muted">{formatBytes(q.pending_bytes)} on disk</div>
      </td>
      <td className="tabular px-3 py-2 text-right">{formatCount(q.sent)}</td>
      <td className={`tabular px-3 py-2 text-right ${q.failed > 0 ? 'text-down' : ''}`}>{formatCount(q.failed)}</td>
      <td className={`tabular px-3 py-2 text-right ${q.dropped > 0 ? 'text-down' : ''}`}>{formatCount(q.dropped)}</td>
      <td className={`tabular px-3 py-2 text-right ${behind ? 'text-down' : ''}`}>{formatElapsed(q.lag_s)}</td>
      <td className="px-3 py-2 text-xs">
        {q.last_error ? (
          <>
            <span className="text-down">{q.last_error}</span> <RelativeTime ts={q.last_error_at} />
          </>
        ) : (
          <span className="text-muted">none</span>
        )}
        <div className="text-muted">
          last send <RelativeTime ts={q.last_send} /> · {formatCount(q.retries)} retries
        </div>
      </td>
    </tr>
  );
}

/** Remote write queues (docs/configuration.md#remote-write): what waits for each receiver, what went, what was lost. */
export function RemoteWriteSection({ queues }: { queues: SystemSnapshot['remote_write'] }) {
  if (queues.length === 0) return null;
  return (
    <section aria-labelledby="system-remote-write" className="space-y-3">
      <h2 id="system-remote-write" className="text-base font-semibold">
        Remote write
      </h2>
      <div className="overflow-x-auto rounded-lg border border-line bg-surface">
        <table className="w-full text-sm">
          <thead className="text-left text-xs text-muted">
            <tr>
              <th className="px-3 py-2 font-medium">Receiver</th>
              <th className="px-3 py-2 text-right font-medium">Pending</th>
              <th className="px-3 py-2 text-right font-medium">Sent</th>
              <th className="px-3 py-2 text-right font-medium">Failed</th>
              <th className="px-3 py-2 text-right font-medium">Dropped</th>
              <th className="px-3 py-2 text-right font-medium">Lag</th>
              <th className="px-3 py-2 font-medium">Last error</th>
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <QueueRow key={q.name} q={q} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
