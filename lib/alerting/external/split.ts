import { type AlertmanagerEndpoint, alertmanagerEndpoints, alertmanagersSchema } from './config';

/**
 * `alerting:` holds Alertmanager's own configuration (Lookout's built-in routing) and, beside it, Prometheus's
 * `alertmanagers:` list. With only the list, there is no built-in routing: alerts go to those Alertmanagers alone.
 */
export function splitAlerting(raw: unknown): { builtIn: unknown; alertmanagers: unknown } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { builtIn: raw, alertmanagers: undefined };
  const { alertmanagers, ...rest } = raw as Record<string, unknown>;
  const builtIn = alertmanagers === undefined || Object.keys(rest).length > 0 ? rest : undefined;
  return { builtIn, alertmanagers };
}

/** Validates `alerting.alertmanagers`; zod's issues are thrown whole so the config check can place them by line. */
export function parseAlertmanagers(raw: unknown, baseDir: string): AlertmanagerEndpoint[] {
  if (raw === undefined || raw === null) return [];
  const r = alertmanagersSchema.safeParse(raw);
  if (!r.success) {
    throw Object.assign(new Error(`alerting: alertmanagers: ${r.error.issues[0]?.message}`), {
      issues: r.error.issues,
    });
  }
  return alertmanagerEndpoints(r.data, baseDir);
}
