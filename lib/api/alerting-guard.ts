import type { Alerting } from '@/lib/alerting';
import type { Lookout } from '@/lib/engine/context';
import { ConflictError } from '@/lib/errors';

/** Silences belong to the notification side, which exists only with an `alerting:` block. */
export function requireAlerting(lookout: Lookout): Alerting {
  const alerting = lookout.alerts.alerting;
  if (!alerting) {
    throw new ConflictError(
      'alerting_not_configured',
      'No `alerting:` block in the provisioning file, so there is nothing to silence; add receivers and a route first.',
    );
  }
  return alerting;
}
