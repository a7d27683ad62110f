import { parseDuration } from '@/lib/config/duration';
import type { Provisioning } from '@/lib/config/provisioning';
import { remoteWriteEndpoints } from './endpoint';
import type { RemoteWriteSettings } from './remote-writer';

const DEFAULT_INTERVAL = '15s';

/** `remote_write:` and `global.external_labels` of a validated provisioning file; reads credentials files. */
export function remoteWriteSettingsOf(config: Provisioning, baseDir: string): RemoteWriteSettings {
  return {
    endpoints: remoteWriteEndpoints(config.remote_write ?? [], baseDir),
    externalLabels: config.global?.external_labels ?? {},
    intervalMs: parseDuration(config.global?.remote_write_interval ?? DEFAULT_INTERVAL)!,
  };
}
