import type { SystemMetricName } from './catalog';

type Labels = Record<string, string>;

export interface ChartPart {
  metric: SystemMetricName;
  /** `rate`: per-second increase of a counter in each step; `avg` / `max`: of a gauge's samples in each step. */
  kind: 'rate' | 'avg' | 'max';
  key: (labels: Labels) => string;
  scale?: number;
}

export interface ChartDef {
  unit: 'bytes' | 'bytes_per_s' | 'cores' | 'ms' | 'per_s' | 'count' | 'ratio';
  parts: ChartPart[];
  /** Combines the summed series of one step into what is drawn (busy ratio, used memory). */
  finish?: (values: Map<string, number>) => Map<string, number>;
}

const one = (key: string) => () => key;
const job = (l: Labels) => l.job ?? '';

/** The charts of /system; each is a few stored series, bucketed by step in SQL. */
export const SYSTEM_CHARTS = {
  lookout_memory: {
    unit: 'bytes',
    parts: [
      { metric: 'lookout_resident_memory_bytes', kind: 'avg', key: one('resident') },
      { metric: 'lookout_heap_used_bytes', kind: 'avg', key: one('heap used') },
    ],
  },
  lookout_cpu: { unit: 'cores', parts: [{ metric: 'lookout_cpu_seconds_total', kind: 'rate', key: one('CPU') }] },
  lookout_event_loop: {
    unit: 'ms',
    parts: [
      { metric: 'lookout_event_loop_lag_p99_seconds', kind: 'max', key: one('p99'), scale: 1000 },
      { metric: 'lookout_event_loop_lag_max_seconds', kind: 'max', key: one('max'), scale: 1000 },
    ],
  },
  lookout_storage: {
    unit: 'bytes',
    parts: [
      { metric: 'lookout_db_size_bytes', kind: 'max', key: one('database') },
      { metric: 'lookout_db_wal_size_bytes', kind: 'max', key: one('WAL') },
    ],
  },
  lookout_disk: { unit: 'bytes', parts: [{ metric: 'lookout_data_dir_free_bytes', kind: 'avg', key: one('free') }] },
  lookout_ingest: { unit: 'per_s', parts: [{ metric: 'lookout_ingest_lines_total', kind: 'rate', key: job }] },
  lookout_ingest_lag: { unit: 'bytes', parts: [{ metric: 'lookout_ingest_lag_bytes', kind: 'max', key: job }] },
  lookout_probes: {
    unit: 'ms',
    parts: [{ metric: 'lookout_probe_lateness_seconds', kind: 'max', key: one('lateness'), scale: 1000 }],
  },
  lookout_rules: {
    unit: 'ms',
    parts: [{ metric: 'lookout_rule_evaluation_seconds', kind: 'max', key: one('evaluation'), scale: 1000 }],
  },
  process_cpu: { unit: 'cores', parts: [{ metric: 'process_cpu_seconds_total', kind: 'rate', key: job }] },
  process_memory: { unit: 'bytes', parts: [{ metric: 'process_resident_memory_bytes', kind: 'avg', key: job }] },
  process_fds: { unit: 'count', parts: [{ metric: 'process_open_fds', kind: 'max', key: job }] },
  process_io: {
    unit: 'bytes_per_s',
    parts: [
      { metric: 'process_io_read_bytes_total', kind: 'rate', key: (l) => `${job(l)} read` },
      { metric: 'process_io_write_bytes_total', kind: 'rate', key: (l) => `${job(l)} write` },
    ],
  },
  host_cpu: {
    unit: 'ratio',
    parts: [
      {
        metric: 'node_cpu_seconds_total',
        kind: 'rate',
        key: (l) => (l.mode === 'idle' || l.mode === 'iowait' ? 'idle' : 'busy'),
      },
    ],
    finish: (v) => {
      const total = (v.get('busy') ?? 0) + (v.get('idle') ?? 0);
      return new Map(total > 0 ? [['busy', (v.get('busy') ?? 0) / total]] : []);
    },
  },
  host_memory: {
    unit: 'bytes',
    parts: [
      { metric: 'node_memory_MemTotal_bytes', kind: 'avg', key: one('total') },
      { metric: 'node_memory_MemAvailable_bytes', kind: 'avg', key: one('available') },
    ],
    finish: (v) => {
      const total = v.get('total');
      const avail = v.get('available');
      return new Map(
        total === undefined || avail === undefined
          ? []
          : [
              ['used', total - avail],
              ['total', total],
            ],
      );
    },
  },
  host_network: {
    unit: 'bytes_per_s',
    parts: [
      { metric: 'node_network_receive_bytes_total', kind: 'rate', key: (l) => `${l.device} in` },
      { metric: 'node_network_transmit_bytes_total', kind: 'rate', key: (l) => `${l.device} out` },
    ],
  },
  host_disk: {
    unit: 'bytes',
    parts: [{ metric: 'node_filesystem_avail_bytes', kind: 'avg', key: (l) => `${l.mountpoint} free` }],
  },
  log_files: { unit: 'bytes', parts: [{ metric: 'log_file_size_bytes', kind: 'max', key: (l) => l.path ?? '' }] },
} as const satisfies Record<string, ChartDef>;

export type SystemChart = keyof typeof SYSTEM_CHARTS;
export const SYSTEM_CHART_NAMES = Object.keys(SYSTEM_CHARTS) as [SystemChart, ...SystemChart[]];
