import { z } from 'zod';
import { PROCESS_STATES } from '@/lib/system/types';
import { STORAGE_STATES } from './enums';
import { iso, point, series } from './shapes-common';

const num = z.number().nullable();

const own = z.looseObject({
  version: z.string(),
  start_time: iso.nullable(),
  cpu_cores: num,
  rss_bytes: num,
  heap_used_bytes: num,
  open_fds: num,
  event_loop_lag_p99_ms: num,
  event_loop_lag_max_ms: num,
  db_bytes: num,
  wal_bytes: num,
  disk_free_bytes: num,
  ingest_lines_per_s: num,
  ingest_lag_bytes: z.number(),
  probe_lateness_ms: num,
  probes_scheduled: num,
  rule_eval_ms: num,
  notifications_ok: num,
  notifications_failed: num,
});

const watchedProcess = z.looseObject({
  name: z.string(),
  state: z.enum(PROCESS_STATES),
  reason: z.string().nullable(),
  pid: z.number().int().nullable(),
  cpu_cores: num,
  rss_bytes: num,
  open_fds: num,
  max_fds: num,
  read_bytes_per_s: num,
  write_bytes_per_s: num,
  start_time: iso.nullable(),
});

const host = z.looseObject({
  cpu_busy_ratio: num,
  cpus: z.number().int(),
  load1: num,
  memory_total_bytes: num,
  memory_available_bytes: num,
  network: z.array(z.looseObject({ device: z.string(), receive_bytes_per_s: num, transmit_bytes_per_s: num })),
  filesystem: z.looseObject({ mountpoint: z.string(), avail_bytes: z.number(), size_bytes: num }).nullable(),
});

/** Whether the disk under the data directory took Lookout's last writes (docs/operations.md#full-disk). */
export const storageShape = z.looseObject({
  state: z.enum(STORAGE_STATES),
  since: iso.meta({ description: 'when the current state began' }),
  reason: z.string().nullable().meta({ description: 'SQLITE_FULL, ENOSPC or EDQUOT while full, else null' }),
  free_bytes: num.meta({ description: 'bytes free for Lookout on the data directory’s filesystem' }),
  faults: z.number().int().meta({ description: 'writes refused for lack of space since start-up' }),
  checks_pending: z.number().int().meta({ description: 'check results kept in memory until they can be written' }),
  checks_dropped: z.number().int().meta({ description: 'check results dropped: the disk stayed full too long' }),
});

/** One remote write queue (docs/configuration.md#remote-write); counters since start-up. */
const remoteWriteQueue = z.looseObject({
  name: z.string(),
  url: z.string(),
  pending: z.number().int().meta({ description: 'samples in the disk buffer, not yet accepted by the receiver' }),
  pending_bytes: z.number().int(),
  sent: z.number().int().meta({ description: 'samples the receiver accepted' }),
  failed: z.number().int().meta({ description: 'samples refused for good (4xx other than 429), not retried' }),
  dropped: z.number().int().meta({ description: 'samples dropped past buffer_size while the receiver was down' }),
  retries: z.number().int().meta({ description: 'requests retried after a 5xx, 429 or network error' }),
  lag_s: z.number().meta({ description: 'age of the oldest pending sample; 0 when nothing waits' }),
  last_send: iso.nullable(),
  last_error: z.string().nullable(),
  last_error_at: iso.nullable(),
});

/** GET /api/v1/system: null parts until the first sample. */
export const systemSnapshotShape = z.looseObject({
  at: iso.nullable(),
  interval_s: z.number(),
  configured_processes: z.number().int(),
  lookout: own.nullable(),
  processes: z.array(watchedProcess),
  host: host.nullable(),
  log_files: z.array(z.looseObject({ job: z.string(), path: z.string(), size_bytes: num })),
  storage: storageShape,
  remote_write: z.array(remoteWriteQueue),
});

const SYSTEM_UNITS = ['bytes', 'bytes_per_s', 'cores', 'ms', 'per_s', 'count', 'ratio'] as const;
export const systemSeriesShape = z.looseObject({
  step_ms: z.number(),
  unit: z.enum(SYSTEM_UNITS),
  series: z.array(series(point)),
});
