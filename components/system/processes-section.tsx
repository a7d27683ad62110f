'use client';
import { EmptyState } from '@/components/ui/empty-state';
import { formatBytes, formatCount } from '@/lib/format/number';
import type { SystemSnapshot } from '@/lib/swr/use-system';
import type { TimeRange } from '@/lib/time/range';
import { formatBytesPerSecond, formatCores } from './format-unit';
import { ProcessStatePill } from './process-state';
import { SystemChartCard } from './system-chart-card';

/** The watched processes now, and their CPU, memory, open files and disk I/O over the range. */
export function ProcessesSection({
  system,
  range,
  refreshMs,
}: {
  system: SystemSnapshot;
  range: TimeRange;
  refreshMs: number;
}) {
  const none = system.configured_processes === 0;
  return (
    <section aria-labelledby="system-processes" className="space-y-3">
      <h2 id="system-processes" className="text-base font-semibold">
        Watched processes
      </h2>
      {none ? (
        <EmptyState title="No processes configured — add processes: to lookout.yml">
          For example{' '}
          <code className="font-mono">
            processes: [{'{'} name: ccproxy, pid_file: ~/.ccproxy/ccproxy.pid {'}'}]
          </code>
          , or <code className="font-mono">command: ccproxy</code> to find it by name; then reload the configuration.
        </EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-line bg-surface">
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-muted">
                <tr>
                  {['Process', 'State', 'PID', 'CPU', 'Memory', 'Open files', 'Disk read', 'Disk write'].map((h) => (
                    <th key={h} className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="tabular">
                {system.processes.map((p) => (
                  <tr key={p.name} className="border-t border-line" data-testid={`process-${p.name}`}>
                    <td className="px-3 py-2 font-medium">{p.name}</td>
                    <td className="px-3 py-2">
                      <ProcessStatePill state={p.state} reason={p.reason} />
                      {p.reason && <div className="mt-1 text-xs text-muted">{p.reason}</div>}
                    </td>
                    <td className="px-3 py-2">{p.pid ?? '—'}</td>
                    <td className="px-3 py-2">{formatCores(p.cpu_cores)}</td>
                    <td className="px-3 py-2">{formatBytes(p.rss_bytes)}</td>
                    <td className="px-3 py-2">
                      {p.open_fds === null
                        ? '—'
                        : `${formatCount(p.open_fds)}${p.max_fds ? ` / ${formatCount(p.max_fds)}` : ''}`}
                    </td>
                    <td className="px-3 py-2">{formatBytesPerSecond(p.read_bytes_per_s)}</td>
                    <td className="px-3 py-2">{formatBytesPerSecond(p.write_bytes_per_s)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <SystemChartCard
              title="Process CPU (share of one core)"
              chart="process_cpu"
              range={range}
              refreshMs={refreshMs}
            />
            <SystemChartCard title="Process memory (RSS)" chart="process_memory" range={range} refreshMs={refreshMs} />
            <SystemChartCard title="Open files" chart="process_fds" range={range} refreshMs={refreshMs} />
            <SystemChartCard title="Disk I/O" chart="process_io" range={range} refreshMs={refreshMs} />
          </div>
        </>
      )}
    </section>
  );
}
