import type { Clock } from '@/lib/clock';
import { parseDuration } from '@/lib/config/duration';
import type { Db } from '@/lib/db/connection';
import type { AlertEngine } from '@/lib/engine/alert-engine';
import type { Lookout } from '@/lib/engine/context';
import type { ProbeScheduler } from '@/lib/engine/scheduler';
import type { Ingest } from '@/lib/ingest/ingest';
import { DEFAULT_SYSTEM_INTERVAL_MS, SystemSampler } from './sampler';

/** Wires the sampler to the engine; processes and the interval are read from the live configuration. */
export function createSystemSampler(
  lookout: () => Lookout,
  db: Db,
  clock: Clock,
  dataDir: string,
  scheduler: ProbeScheduler,
  alerts: AlertEngine,
  ingest: Ingest,
): SystemSampler {
  return new SystemSampler({
    db,
    clock,
    dataDir,
    scheduler: () => scheduler.stats(),
    rules: () => alerts.evalStats,
    tailStatus: (name) => ingest.tailStatus(name),
    processes: () => lookout().provisioning.processes ?? [],
    baseDir: () => lookout().provisioningDir,
    intervalMs: () => parseDuration(lookout().provisioning.global?.system_interval ?? '') ?? DEFAULT_SYSTEM_INTERVAL_MS,
  });
}
