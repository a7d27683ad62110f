import { parseAlertmanagerConfig } from '@/lib/alerting';
import { alertmanagerConfigSchema } from '@/lib/alerting/config';
import { ConfigError, problemAt, schemaProblems } from '@/lib/config/config-error';
import { type LoadedProvisioning, loadProvisioning, type Settings, settingsOf } from '@/lib/config/provisioning';
import type { RuleGroupDef } from '@/lib/rules';
import { loadRules } from './alert-engine';

export interface CheckedConfig extends LoadedProvisioning {
  settings: Settings;
  ruleDefs: RuleGroupDef[];
}

/**
 * Everything start-up and reload validate, without starting anything: the file, its rule files and its
 * Alertmanager section. Throws a ConfigError naming the file, line and key (`npm run check-config`).
 */
export function checkConfig(file: string | null): CheckedConfig {
  const loaded = loadProvisioning(file);
  const settings = settingsOf(loaded.config);
  const fail = (path: (string | number)[], err: unknown): never => {
    if (!file) throw err;
    const reason = (err as Error).message.replace(/^alerting: /, '');
    throw new ConfigError(file, [problemAt(loaded.text, path, reason)]);
  };
  let ruleDefs: RuleGroupDef[] = [];
  try {
    ruleDefs = loadRules(loaded.config, loaded.baseDir, settings.evaluationIntervalMs);
  } catch (err) {
    fail(['rule_files'], err);
  }
  const alerting = loaded.config.alerting;
  const shape = alerting && file ? alertmanagerConfigSchema.safeParse(alerting) : null;
  if (shape && !shape.success && file)
    throw new ConfigError(file, schemaProblems(loaded.text, ['alerting'], shape.error.issues));
  try {
    if (alerting) parseAlertmanagerConfig(alerting);
  } catch (err) {
    fail(['alerting', ...alertingPath(err)], err);
  }
  return { ...loaded, settings, ruleDefs };
}

/** The key an Alertmanager-section error is about, where the error carries one. */
function alertingPath(err: unknown): (string | number)[] {
  const path = (err as { path?: unknown }).path;
  return Array.isArray(path)
    ? path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')
    : [];
}
