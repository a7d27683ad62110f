import { parseAlertmanagerConfig } from '@/lib/alerting';
import type { AlertmanagerEndpoint } from '@/lib/alerting/external/config';
import { parseAlertmanagers, splitAlerting } from '@/lib/alerting/external/split';
import { ConfigError, problemAt, schemaProblems } from '@/lib/config/config-error';
import { type LoadedProvisioning, loadProvisioning, type Settings, settingsOf } from '@/lib/config/provisioning';
import type { RemoteWriteSettings } from '@/lib/remote-write/remote-writer';
import { remoteWriteSettingsOf } from '@/lib/remote-write/settings';
import type { RuleGroupDef } from '@/lib/rules';
import { loadRules } from './alert-engine';

export interface CheckedConfig extends LoadedProvisioning {
  settings: Settings;
  ruleDefs: RuleGroupDef[];
  /** The `alerting:` block without `alertmanagers:` (Lookout's own routing), undefined when there is none. */
  builtInAlerting: unknown;
  /** External Alertmanagers from `alerting.alertmanagers` (docs/configuration.md#external-alertmanagers). */
  alertmanagers: AlertmanagerEndpoint[];
  /** `remote_write:` receivers, external labels and interval (docs/configuration.md#remote-write). */
  remoteWrite: RemoteWriteSettings;
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
  const { builtIn, alertmanagers: rawAlertmanagers } = splitAlerting(loaded.config.alerting);
  const checked = <T>(at: string[], parse: () => T): T => {
    try {
      return parse();
    } catch (err) {
      // The schema's issues carry their own keys; the semantic checks after it name theirs in the message.
      const issues = (err as { issues?: Parameters<typeof schemaProblems>[2] }).issues;
      if (file && issues) throw new ConfigError(file, schemaProblems(loaded.text, at, issues));
      return fail(at, err);
    }
  };
  if (builtIn) checked(['alerting'], () => parseAlertmanagerConfig(builtIn));
  const alertmanagers = checked(['alerting', 'alertmanagers'], () =>
    parseAlertmanagers(rawAlertmanagers, loaded.baseDir),
  );
  const remoteWrite = checked(['remote_write'], () => remoteWriteSettingsOf(loaded.config, loaded.baseDir));
  return { ...loaded, settings, ruleDefs, builtInAlerting: builtIn, alertmanagers, remoteWrite };
}
