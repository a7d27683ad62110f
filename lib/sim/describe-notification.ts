interface WebhookAlert {
  status?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** One console line per alert in an Alertmanager webhook payload, for the demo's receiver. */
export function describeNotification(body: unknown): string {
  const alerts = ((body as { alerts?: WebhookAlert[] } | null)?.alerts ?? []).slice(0, 10);
  const lines = alerts.map((a) => {
    const name = a.labels?.alertname ?? 'alert';
    const text = a.annotations?.description ?? a.annotations?.summary ?? '';
    return `[webhook] ${(a.status ?? 'firing').toUpperCase()} ${name}${a.labels?.severity ? ` (${a.labels.severity})` : ''}: ${text}`;
  });
  return lines.length ? lines.join('\n') : '[webhook] a notification without alerts';
}
