import type { TemplateData } from './template-data';

/** Alertmanager's webhook message, version 4, field for field. */
export type WebhookMessage = TemplateData & { version: '4'; groupKey: string; truncatedAlerts: number };

export function buildWebhookMessage(data: TemplateData, groupKey: string, maxAlerts: number): WebhookMessage {
  const truncated = maxAlerts > 0 && data.alerts.length > maxAlerts ? data.alerts.length - maxAlerts : 0;
  return {
    receiver: data.receiver,
    status: data.status,
    alerts: truncated > 0 ? data.alerts.slice(0, maxAlerts) : data.alerts,
    groupLabels: data.groupLabels,
    commonLabels: data.commonLabels,
    commonAnnotations: data.commonAnnotations,
    externalURL: data.externalURL,
    version: '4',
    groupKey,
    truncatedAlerts: truncated,
  };
}
