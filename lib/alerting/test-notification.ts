import type { Alerting } from './index';
import { buildIntegrations, type IntegrationDeps } from './integrations';

/**
 * Sends one made-up firing alert through every integration of a receiver, outside the dispatcher,
 * so a user can check a webhook or Slack URL without waiting for an outage.
 */
export async function sendTestNotification(alerting: Alerting, receiver: string, deps: IntegrationDeps) {
  const rc = alerting.config.receivers.find((r) => r.name === receiver);
  if (!rc) return null;
  const now = deps.clock.now();
  const alert = {
    labels: { alertname: 'LookoutTestNotification', severity: 'none', receiver },
    annotations: {
      summary: 'Test notification from Lookout',
      description: `Sent from ${deps.externalURL} to check the receiver "${receiver}".`,
    },
    startsAt: now,
    // Firing: an endsAt at or before now would make the test a "[RESOLVED]" notification.
    endsAt: now + alerting.config.global.resolve_timeout,
    generatorURL: `${deps.externalURL}/alerts`,
    updatedAt: now,
  };
  const results = [];
  for (const integration of buildIntegrations(rc, alerting.config.global, deps)) {
    const r = await integration.notify(
      {
        receiver,
        groupKey: `{}:{alertname="LookoutTestNotification"}`,
        groupLabels: { alertname: 'LookoutTestNotification' },
        now,
      },
      [alert],
    );
    results.push({ integration: integration.id, ok: r.ok, attempts: r.attempts, error: r.error });
  }
  return results;
}
