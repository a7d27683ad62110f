import { loadProvisioning, settingsOf } from '@/lib/config/provisioning';
import { syncProvisionedTargets } from '@/lib/targets/sync-provisioned';
import type { Lookout } from './context';

/** Re-reads the provisioning file and applies it in place; a broken file changes nothing. */
export async function reloadConfig(lookout: Lookout): Promise<{ targets: number; logs: number; rules: number }> {
  const { config, baseDir } = loadProvisioning(lookout.env.configFile);
  const sources = lookout.ingest.syncFileSources(config.logs ?? [], baseDir);
  lookout.settings = settingsOf(config);
  lookout.provisioning = config;
  lookout.provisioningDir = baseDir;
  const targets = lookout.db.transaction(() => syncProvisionedTargets(lookout, config.targets ?? []))();
  await sources;
  return { targets, logs: config.logs?.length ?? 0, rules: config.rule_files?.length ?? 0 };
}
