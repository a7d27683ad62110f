import type { Lookout } from '@/lib/engine/context';
import type { MetricSample, SystemTick } from '@/lib/system/sampler';
import { toIso } from '@/lib/time/iso';

type Labels = Record<string, string>;
const matches = (s: MetricSample, name: string, labels: Labels) =>
  s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v);

/** Reads values and per-second rates out of the two latest ticks. */
function reader(last: SystemTick, previous: SystemTick | null) {
  const dt = previous ? (last.at - previous.at) / 1000 : 0;
  const sum = (tick: SystemTick, name: string, labels: Labels, where?: (s: MetricSample) => boolean) => {
    const hits = tick.samples.filter((s) => matches(s, name, labels) && (!where || where(s)));
    return hits.length ? hits.reduce((n, s) => n + s.value, 0) : null;
  };
  const value = (name: string, labels: Labels = {}) => sum(last, name, labels);
  const rate = (name: string, labels: Labels = {}, where?: (s: MetricSample) => boolean) => {
    if (!previous || dt <= 0) return null;
    const a = sum(previous, name, labels, where);
    const b = sum(last, name, labels, where);
    return a === null || b === null || b < a ? null : (b - a) / dt;
  };
  return { value, rate };
}

/** GET /api/v1/system: the latest sample of Lookout, the watched processes, the host and the tailed files. */
export function getSystemSnapshot(lookout: Lookout) {
  const { last, previous, intervalMs } = lookout.system.latest();
  const configured = lookout.provisioning.processes ?? [];
  if (!last)
    return {
      at: null,
      interval_s: intervalMs / 1000,
      lookout: null,
      processes: [],
      host: null,
      log_files: [],
      configured_processes: configured.length,
      storage: storageOf(lookout),
      remote_write: remoteWriteOf(lookout),
    };
  const { value, rate } = reader(last, previous);
  const idle = (s: MetricSample) => s.labels.mode === 'idle' || s.labels.mode === 'iowait';
  const cpuAll = rate('node_cpu_seconds_total');
  const cpuIdle = rate('node_cpu_seconds_total', {}, idle);
  const devices = [
    ...new Set(last.samples.filter((s) => s.name === 'node_network_receive_bytes_total').map((s) => s.labels.device)),
  ];
  const fsAvail = last.samples.find((s) => s.name === 'node_filesystem_avail_bytes');
  return {
    at: toIso(last.at),
    interval_s: intervalMs / 1000,
    configured_processes: configured.length,
    lookout: {
      version: lookout.version,
      start_time: toIso((value('lookout_start_time_seconds') ?? 0) * 1000),
      cpu_cores: rate('lookout_cpu_seconds_total'),
      rss_bytes: value('lookout_resident_memory_bytes'),
      heap_used_bytes: value('lookout_heap_used_bytes'),
      open_fds: value('lookout_open_fds'),
      event_loop_lag_p99_ms: scale(value('lookout_event_loop_lag_p99_seconds'), 1000),
      event_loop_lag_max_ms: scale(value('lookout_event_loop_lag_max_seconds'), 1000),
      db_bytes: value('lookout_db_size_bytes'),
      wal_bytes: value('lookout_db_wal_size_bytes'),
      disk_free_bytes: value('lookout_data_dir_free_bytes'),
      ingest_lines_per_s: rate('lookout_ingest_lines_total'),
      ingest_lag_bytes: value('lookout_ingest_lag_bytes') ?? 0,
      probe_lateness_ms: scale(value('lookout_probe_lateness_seconds'), 1000),
      probes_scheduled: value('lookout_probes_scheduled'),
      rule_eval_ms: scale(value('lookout_rule_evaluation_seconds'), 1000),
      notifications_ok: value('lookout_notifications_total', { result: 'ok' }),
      notifications_failed: value('lookout_notifications_total', { result: 'failed' }),
    },
    processes: last.processes.map((p) => ({
      name: p.name,
      state: p.state,
      reason: p.reason,
      pid: p.pid,
      cpu_cores: p.state === 'running' ? rate('process_cpu_seconds_total', { job: p.name }) : null,
      rss_bytes: p.rssBytes,
      open_fds: p.openFds,
      max_fds: p.maxFds,
      read_bytes_per_s: p.state === 'running' ? rate('process_io_read_bytes_total', { job: p.name }) : null,
      write_bytes_per_s: p.state === 'running' ? rate('process_io_write_bytes_total', { job: p.name }) : null,
      start_time: p.startTimeSeconds === null ? null : toIso(p.startTimeSeconds * 1000),
    })),
    host: {
      cpu_busy_ratio: cpuAll && cpuIdle !== null ? Math.min(1, Math.max(0, 1 - cpuIdle / cpuAll)) : null,
      cpus: new Set(last.samples.filter((s) => s.name === 'node_cpu_seconds_total').map((s) => s.labels.cpu)).size,
      load1: value('node_load1'),
      memory_total_bytes: value('node_memory_MemTotal_bytes'),
      memory_available_bytes: value('node_memory_MemAvailable_bytes'),
      network: devices.map((device) => ({
        device,
        receive_bytes_per_s: rate('node_network_receive_bytes_total', { device }),
        transmit_bytes_per_s: rate('node_network_transmit_bytes_total', { device }),
      })),
      filesystem: fsAvail
        ? {
            mountpoint: fsAvail.labels.mountpoint,
            avail_bytes: fsAvail.value,
            size_bytes: value('node_filesystem_size_bytes', { mountpoint: fsAvail.labels.mountpoint }),
          }
        : null,
    },
    log_files: last.logFiles.map((f) => ({ job: f.job, path: f.path, size_bytes: f.size })),
    storage: storageOf(lookout),
    remote_write: remoteWriteOf(lookout),
  };
}

/** Each remote write queue: what waits, what went, what was lost and why (docs/configuration.md#remote-write). */
function remoteWriteOf(lookout: Lookout) {
  return lookout.remoteWrite.queues.map((q) => {
    const s = q.status();
    return {
      name: s.name,
      url: s.url,
      pending: s.pending,
      pending_bytes: s.pendingBytes,
      sent: s.sent,
      failed: s.failed,
      dropped: s.dropped,
      retries: s.retries,
      lag_s: s.lagSeconds,
      last_send: s.lastSendMs === null ? null : toIso(s.lastSendMs),
      last_error: s.lastError,
      last_error_at: s.lastErrorMs === null ? null : toIso(s.lastErrorMs),
    };
  });
}

function storageOf(lookout: Lookout) {
  const s = lookout.storage.status();
  return {
    state: s.state,
    since: toIso(s.since),
    reason: s.reason,
    free_bytes: s.freeBytes,
    faults: s.faults,
    checks_pending: s.checksPending,
    checks_dropped: s.checksDropped,
  };
}

const scale = (v: number | null, k: number) => (v === null ? null : v * k);
