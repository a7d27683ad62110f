import { fingerprint, type Labels } from '../rules/labels';

/** An alert as the dispatcher holds it (Alertmanager's types.Alert). Times in epoch ms. */
export type StoredAlert = {
  labels: Labels;
  annotations: Labels;
  startsAt: number;
  endsAt: number;
  generatorURL: string;
  updatedAt: number;
};

export type AlertStatus = 'firing' | 'resolved';

export type TemplateAlert = {
  status: AlertStatus;
  labels: Labels;
  annotations: Labels;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
};

/** Alertmanager's template.Data, in its JSON field order. */
export type TemplateData = {
  receiver: string;
  status: AlertStatus;
  alerts: TemplateAlert[];
  groupLabels: Labels;
  commonLabels: Labels;
  commonAnnotations: Labels;
  externalURL: string;
};

const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** Go's time.Time JSON form (RFC 3339 with trailing zero fractions removed). */
export function goTime(ms: number | null): string {
  if (ms === null) return GO_ZERO_TIME;
  return new Date(ms).toISOString().replace(/\.?0+Z$/, 'Z');
}

export function isResolved(a: StoredAlert, now: number): boolean {
  return a.endsAt <= now;
}

/** Alertmanager's common labels/annotations: the pairs every alert shares. */
export function commonKV(maps: Labels[]): Labels {
  if (maps.length === 0) return {};
  const out: Labels = { ...maps[0] };
  for (const m of maps.slice(1)) for (const k of Object.keys(out)) if (m[k] !== out[k]) delete out[k];
  return out;
}

/** Go's regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Builds template data; a firing alert's endsAt is hidden (Go's zero time), as Alertmanager does. */
export function buildTemplateData(
  receiver: string,
  groupLabels: Labels,
  alerts: StoredAlert[],
  now: number,
  externalURL: string,
): TemplateData {
  const list: TemplateAlert[] = alerts.map((a) => {
    const resolved = isResolved(a, now);
    return {
      status: resolved ? 'resolved' : 'firing',
      labels: { ...a.labels },
      annotations: { ...a.annotations },
      startsAt: goTime(a.startsAt),
      endsAt: goTime(resolved ? a.endsAt : null),
      generatorURL: a.generatorURL,
      fingerprint: fingerprint(a.labels),
    };
  });
  return {
    // Alertmanager's template.Data quotes the receiver name for use in a regex (regexp.QuoteMeta).
    receiver: quoteMeta(receiver),
    status: list.some((a) => a.status === 'firing') ? 'firing' : 'resolved',
    alerts: list,
    groupLabels: { ...groupLabels },
    commonLabels: commonKV(alerts.map((a) => a.labels)),
    commonAnnotations: commonKV(alerts.map((a) => a.annotations)),
    externalURL,
  };
}
