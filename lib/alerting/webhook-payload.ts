import { commonKV, type TemplateData } from './template-data';

/** Alertmanager's webhook message, version 4, field for field. */
export type WebhookMessage = TemplateData & { version: '4'; groupKey: string; truncatedAlerts: number };

/**
 * As Alertmanager's webhook notifier: `max_alerts` truncates first, so status, commonLabels and
 * commonAnnotations describe the alerts actually sent.
 */
export function buildWebhookMessage(data: TemplateData, groupKey: string, maxAlerts: number): WebhookMessage {
  const truncated = maxAlerts > 0 && data.alerts.length > maxAlerts ? data.alerts.length - maxAlerts : 0;
  const alerts = truncated > 0 ? data.alerts.slice(0, maxAlerts) : data.alerts;
  return {
    receiver: data.receiver,
    status: alerts.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    alerts,
    groupLabels: data.groupLabels,
    commonLabels: truncated > 0 ? commonKV(alerts.map((a) => a.labels)) : data.commonLabels,
    commonAnnotations: truncated > 0 ? commonKV(alerts.map((a) => a.annotations)) : data.commonAnnotations,
    externalURL: data.externalURL,
    version: '4',
    groupKey,
    truncatedAlerts: truncated,
  };
}
