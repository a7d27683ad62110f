'use client';
import { StatTile } from '@/components/ui/stat-tile';
import { formatBytes, formatRatio } from '@/lib/format/number';
import type { SystemSnapshot } from '@/lib/swr/use-system';
import type { TimeRange } from '@/lib/time/range';
import { formatBytesPerSecond } from './format-unit';
import { SystemChartCard } from './system-chart-card';

type Host = NonNullable<SystemSnapshot['host']>;

/** The machine Lookout runs on: CPU, memory, network and the data directory's disk. */
export function HostSection({ host, range, refreshMs }: { host: Host | null; range: TimeRange; refreshMs: number }) {
  const used =
    host && host.memory_total_bytes !== null && host.memory_available_bytes !== null
      ? host.memory_total_bytes - host.memory_available_bytes
      : null;
  const rx = host?.network.reduce((n, d) => n + (d.receive_bytes_per_s ?? 0), 0);
  const tx = host?.network.reduce((n, d) => n + (d.transmit_bytes_per_s ?? 0), 0);
  return (
    <section aria-labelledby="system-host" className="space-y-3">
      <h2 id="system-host" className="text-base font-semibold">
        Host
      </h2>
      {host && (
        <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          <StatTile
            label="CPU busy"
            value={formatRatio(host.cpu_busy_ratio)}
            hint={`${host.cpus} CPUs, load ${host.load1 ?? '—'}`}
          />
          <StatTile label="Memory used" value={formatBytes(used)} hint={`of ${formatBytes(host.memory_total_bytes)}`} />
          <StatTile
            label="Network in / out"
            value={formatBytesPerSecond(rx)}
            hint={`out ${formatBytesPerSecond(tx)}`}
          />
          <StatTile
            label="Disk free"
            value={formatBytes(host.filesystem?.avail_bytes)}
            hint={
              host.filesystem
                ? `on ${host.filesystem.mountpoint} of ${formatBytes(host.filesystem.size_bytes)}`
                : undefined
            }
          />
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <SystemChartCard title="CPU busy" chart="host_cpu" range={range} refreshMs={refreshMs} />
        <SystemChartCard title="Memory" chart="host_memory" range={range} refreshMs={refreshMs} />
        <SystemChartCard title="Network" chart="host_network" range={range} refreshMs={refreshMs} />
        <SystemChartCard title="Free disk" chart="host_disk" range={range} refreshMs={refreshMs} />
      </div>
    </section>
  );
}
