import type { Alerting } from '@/lib/alerting';
import type { Lookout } from '@/lib/engine/context';
import { ApiError } from './errors';

/** Silences belong to the notification side, which exists only with an `alerting:` block. */
export function requireAlerting(lookout: Lookout): Alerting {
  const alerting = lookout.alerts.alerting;
  if (!alerting) {
    throw new ApiError(409, 'alerting_not_configured', 'No `alerting:` block in the provisioning file, so there is nothing to silence; add receivers and a route first.');
  }
  return alerting;
}
