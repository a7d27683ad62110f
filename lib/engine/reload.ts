import { syncProvisionedWindows } from '@/lib/maintenance/sync-provisioned';
import { syncProvisionedSlos } from '@/lib/slo/sync-provisioned';
import { syncProvisionedStatusPages } from '@/lib/status-pages/status-page-store';
import { syncProvisionedTargets } from '@/lib/targets/sync-provisioned';
import { checkConfig } from './config-check';
import type { Lookout } from './context';
import { syncProvisionedLlm } from './llm-sync';

/** Re-reads the provisioning file and applies it in place; a broken file changes nothing. */
export async function reloadConfig(lookout: Lookout): Promise<{ targets: number; logs: number; rules: number }> {
  const { config, baseDir, settings, ruleDefs, builtInAlerting, alertmanagers, remoteWrite } = checkConfig(
    lookout.env.configFile,
  );
  // First: a syslog port that is taken refuses the reload before anything else changes.
  await lookout.syslog.apply(config.syslog);
  const sources = lookout.ingest.syncFileSources(config.logs ?? [], baseDir);
  syncProvisionedSlos(lookout.db, config.slos ?? [], lookout.clock.now());
  syncProvisionedLlm(lookout.db, config, lookout.clock.now());
  lookout.alerts.reload(ruleDefs, builtInAlerting, alertmanagers);
  lookout.alerts.alertmanagers.externalLabels = remoteWrite.externalLabels;
  const writers = lookout.remoteWrite.configure(remoteWrite);
  lookout.settings = settings;
  lookout.provisioning = config;
  lookout.provisioningDir = baseDir;
  const targets = lookout.db.transaction(() => syncProvisionedTargets(lookout, config.targets ?? []))();
  lookout.db.transaction(() =>
    syncProvisionedStatusPages(lookout.db, config.status_pages ?? [], lookout.clock.now()),
  )();
  syncProvisionedWindows(lookout.db, config.maintenance_windows ?? [], lookout.clock.now());
  await sources;
  await writers;
  const rules = ruleDefs.reduce((n, g) => n + g.rules.length, 0);
  return { targets, logs: config.logs?.length ?? 0, rules };
}
