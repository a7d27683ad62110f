'use client';
import { EmptyState } from '@/components/ui/empty-state';
import { formatBytes } from '@/lib/format/number';
import type { SystemSnapshot } from '@/lib/swr/use-system';
import type { TimeRange } from '@/lib/time/range';
import { SystemChartCard } from './system-chart-card';

/** Sizes of the files Lookout tails, now and over the range (growth, rotation). */
export function LogFilesSection({
  files,
  range,
  refreshMs,
}: {
  files: SystemSnapshot['log_files'];
  range: TimeRange;
  refreshMs: number;
}) {
  return (
    <section aria-labelledby="system-logs" className="space-y-3">
      <h2 id="system-logs" className="text-base font-semibold">
        Log files
      </h2>
      {files.length === 0 ? (
        <EmptyState title="No log files tailed">
          Add a <code className="font-mono">logs:</code> entry with a path to lookout.yml, or a file source in Settings.
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <ul className="divide-y divide-line rounded-lg border border-line bg-surface text-sm">
            {files.map((f) => (
              <li key={`${f.job}:${f.path}`} className="flex items-center justify-between gap-3 px-3 py-2">
                <span className="min-w-0 truncate" title={f.path}>
                  <span className="font-medium">{f.job}</span>{' '}
                  <span className="font-mono text-xs text-muted">{f.path}</span>
                </span>
                <span className="tabular shrink-0">{formatBytes(f.size_bytes)}</span>
              </li>
            ))}
          </ul>
          <SystemChartCard title="Log file sizes" chart="log_files" range={range} refreshMs={refreshMs} />
        </div>
      )}
    </section>
  );
}
