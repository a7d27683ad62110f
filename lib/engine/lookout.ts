import { resolveAdminToken } from '@/lib/auth/admin-token';
import { type Clock, systemClock } from '@/lib/clock';
import { type Env, readEnv } from '@/lib/config/env';
import { openReadDb, openWriteDb } from '@/lib/db/connection';
import { WriteTurns } from '@/lib/db/write-turns';
import { createIngest } from '@/lib/ingest/worker/create-ingest';
import { syncProvisionedWindows } from '@/lib/maintenance/sync-provisioned';
import { createHeartbeatProber } from '@/lib/probes/heartbeat-probe';
import { createLlmProber } from '@/lib/probes/llm-probe';
import { createProber } from '@/lib/probes/run-probe';
import { RemoteWriter } from '@/lib/remote-write/remote-writer';
import { syncProvisionedSlos } from '@/lib/slo/sync-provisioned';
import { syncProvisionedStatusPages } from '@/lib/status-pages/status-page-store';
import { SyslogListener } from '@/lib/syslog/syslog-listener';
import { collectMetrics } from '@/lib/system/collect-metrics';
import { createSystemSampler } from '@/lib/system/create-sampler';
import { syncProvisionedTargets } from '@/lib/targets/sync-provisioned';
import { type TargetRow, toScheduled } from '@/lib/targets/target-row';
import { AlertEngine } from './alert-engine';
import { CheckWriter } from './check-writer';
import { checkConfig } from './config-check';
import type { Lookout } from './context';
import { freeSpaceNow } from './free-space';
import { syncProvisionedLlm } from './llm-sync';
import { Retention } from './retention';
import { ProbeScheduler } from './scheduler';
import { StorageGuard } from './storage-guard';
import { VERSION } from './version';

const FIRST_CHECK_SPREAD_MS = 15_000;

export interface StartOptions {
  env?: Env;
  clock?: Clock;
  /** Tests that drive checks by hand turn the scheduler off. */
  probes?: boolean;
}

/** Opens the store, applies the provisioning file, and starts the probe scheduler and retention. */
export function startLookout(opts: StartOptions = {}): Lookout {
  const env = opts.env ?? readEnv();
  const clock = opts.clock ?? systemClock;
  const { config, baseDir, settings, ruleDefs, builtInAlerting, alertmanagers, remoteWrite } = checkConfig(
    env.configFile,
  );
  const turns = new WriteTurns();
  const db = openWriteDb(env.dataDir, { announce: turns });
  const readDb = openReadDb(env.dataDir);
  const { token: adminToken, generated } = resolveAdminToken(env.adminToken, env.dataDir);
  if (generated) console.log(`[lookout] admin token is in ${generated} (set LOOKOUT_ADMIN_TOKEN to choose your own)`);

  const storage = new StorageGuard(env.dataDir, clock, () => freeSpaceNow(db, clock, () => lookout.settings));
  const writer = new CheckWriter(db, clock, (err) => storage.isFault(err));
  storage.checks = writer;
  const scheduler = new ProbeScheduler({
    clock,
    run: createProber(createHeartbeatProber(db), createLlmProber(db)),
    onResult: (id, result) => {
      if (!result.skip) writer.push(id, result);
    },
    // Spread first checks, but never make a new slow-interval target wait minutes for its first answer.
    jitter: (interval) => Math.random() * Math.min(interval, FIRST_CHECK_SPREAD_MS),
  });
  const ingest = createIngest(db, clock, env.dataDir, turns, storage.mark);
  const alerts = new AlertEngine(db, clock, ruleDefs, builtInAlerting, env.externalUrl, alertmanagers);
  alerts.alertmanagers.externalLabels = remoteWrite.externalLabels;
  const remoteWriter = new RemoteWriter(
    db,
    clock,
    () => collectMetrics(lookout).flatMap((f) => f.samples),
    `Lookout/${VERSION}`,
  );
  void remoteWriter.configure(remoteWrite);
  const lookout: Lookout = {
    env,
    clock,
    db,
    readDb,
    provisioning: config,
    provisioningDir: baseDir,
    settings,
    scheduler,
    adminToken,
    version: VERSION,
    ingest,
    syslog: new SyslogListener(ingest),
    alerts,
    storage,
    remoteWrite: remoteWriter,
    checks: writer,
    system: createSystemSampler(() => lookout, db, clock, env.dataDir, scheduler, alerts, ingest),
    stop: async () => {
      lookout.system.stop();
      await scheduler.stop();
      await lookout.syslog.stop();
      await ingest.stop();
      await alerts.stop();
      await remoteWriter.stop();
      await retention.stop();
      await storage.stop();
      writer.stop();
      readDb.close();
      db.close();
    },
  };
  const retention = new Retention(db, clock, () => lookout.settings);

  syncProvisionedTargets(lookout, config.targets ?? []);
  syncProvisionedSlos(db, config.slos ?? [], clock.now());
  syncProvisionedLlm(db, config, clock.now());
  alerts.reloadSlos();
  syncProvisionedStatusPages(db, config.status_pages ?? [], clock.now());
  syncProvisionedWindows(db, config.maintenance_windows ?? [], clock.now());
  for (const row of db.prepare('SELECT * FROM targets WHERE paused = 0').all() as TargetRow[]) {
    scheduler.upsert(toScheduled(row));
  }
  ingest
    .syncFileSources(config.logs ?? [], baseDir)
    .catch((err: Error) => console.error(`[lookout] log sources: ${err.message}`));
  lookout.syslog.apply(config.syslog).catch((err: Error) => console.error(`[lookout] ${err.message}`));
  if (opts.probes !== false) {
    scheduler.start();
    retention.start();
    ingest.start();
    alerts.start();
    lookout.system.start();
    storage.start();
    remoteWriter.start();
  }
  return lookout;
}
