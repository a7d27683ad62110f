'use client';
import { StatTile } from '@/components/ui/stat-tile';
import { formatBytes, formatMs, formatRate } from '@/lib/format/number';
import type { SystemSnapshot } from '@/lib/swr/use-system';
import type { TimeRange } from '@/lib/time/range';
import { formatCores } from './format-unit';
import { SystemChartCard } from './system-chart-card';

type Own = NonNullable<SystemSnapshot['lookout']>;

const CHARTS = [
  ['Memory', 'lookout_memory'],
  ['CPU (share of one core)', 'lookout_cpu'],
  ['Event loop lag', 'lookout_event_loop'],
  ['Database and WAL size', 'lookout_storage'],
  ['Free disk under the data directory', 'lookout_disk'],
  ['Ingest rate (lines/s by source)', 'lookout_ingest'],
  ['Ingest lag (unread bytes by source)', 'lookout_ingest_lag'],
  ['Probe lateness', 'lookout_probes'],
  ['Rule evaluation time', 'lookout_rules'],
] as const;

/** Monitoring the monitor: Lookout's own process, storage, ingest, probes and rules. */
export function LookoutSection({ own, range, refreshMs }: { own: Own | null; range: TimeRange; refreshMs: number }) {
  return (
    <section aria-labelledby="system-lookout" className="space-y-3">
      <h2 id="system-lookout" className="text-base font-semibold">
        Lookout
      </h2>
      {own && (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          <StatTile
            label="Memory (RSS)"
            value={formatBytes(own.rss_bytes)}
            hint={`heap ${formatBytes(own.heap_used_bytes)}`}
            testId="lookout-memory"
          />
          <StatTile label="CPU" value={formatCores(own.cpu_cores)} hint="share of one core over the last interval" />
          <StatTile
            label="Event loop p99"
            value={formatMs(own.event_loop_lag_p99_ms)}
            tone={(own.event_loop_lag_p99_ms ?? 0) > 200 ? 'down' : 'neutral'}
          />
          <StatTile
            label="Database + WAL"
            value={formatBytes((own.db_bytes ?? 0) + (own.wal_bytes ?? 0))}
            hint={`WAL ${formatBytes(own.wal_bytes)}`}
          />
          <StatTile label="Free disk" value={formatBytes(own.disk_free_bytes)} />
          <StatTile label="Ingest rate" value={formatRate(own.ingest_lines_per_s)} />
          <StatTile
            label="Ingest lag"
            value={formatBytes(own.ingest_lag_bytes)}
            hint="bytes written to tailed files and not read yet"
            tone={own.ingest_lag_bytes > 10 * 1024 * 1024 ? 'down' : 'neutral'}
          />
          <StatTile
            label="Probe lateness"
            value={formatMs(own.probe_lateness_ms)}
            hint={`${own.probes_scheduled ?? 0} targets scheduled`}
          />
          <StatTile label="Rule evaluation" value={formatMs(own.rule_eval_ms)} />
          <StatTile
            label="Notifications"
            value={`${own.notifications_ok ?? 0} sent`}
            hint="within retention"
            tone={(own.notifications_failed ?? 0) > 0 ? 'down' : 'neutral'}
          />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {CHARTS.map(([title, chart]) => (
          <SystemChartCard key={chart} title={title} chart={chart} range={range} refreshMs={refreshMs} />
        ))}
      </div>
    </section>
  );
}
