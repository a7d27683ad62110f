import type { Clock } from '@/lib/clock';
import type { Env } from '@/lib/config/env';
import type { Provisioning, Settings } from '@/lib/config/provisioning';
import type { Db } from '@/lib/db/connection';
import type { Ingest } from '@/lib/ingest/ingest';
import type { ProbeResult, ScheduledTarget } from '@/lib/probes/types';
import type { RemoteWriter } from '@/lib/remote-write/remote-writer';
import type { SyslogListener } from '@/lib/syslog/syslog-listener';
import type { SystemSampler } from '@/lib/system/sampler';
import type { AlertEngine } from './alert-engine';
import type { StorageGuard } from './storage-guard';

export interface ProbeSchedule {
  upsert(target: ScheduledTarget): void;
  remove(id: number): void;
}

/** What the write side needs: the one write connection, the clock, settings and the scheduler. */
export interface EngineContext {
  db: Db;
  clock: Clock;
  settings: Settings;
  scheduler: ProbeSchedule;
}

/** The running Lookout: the engine plus what reads and route handlers need. */
export interface Lookout extends EngineContext {
  env: Env;
  readDb: Db;
  provisioning: Provisioning;
  provisioningDir: string;
  adminToken: string;
  version: string;
  ingest: Ingest;
  /** The syslog receiver; listens only when the provisioning file has `syslog:`. */
  syslog: SyslogListener;
  alerts: AlertEngine;
  system: SystemSampler;
  storage: StorageGuard;
  /** Remote write of the series to the receivers of `remote_write:`. */
  remoteWrite: RemoteWriter;
  /** Where check results go to be written: the scheduler's, and a heartbeat's pings. */
  checks: { push(targetId: number, result: ProbeResult): void };
  stop(): Promise<void>;
}
