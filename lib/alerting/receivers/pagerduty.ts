import type { z } from 'zod';
import { renderAmTemplate } from '../am-template';
import type { pagerdutySchema } from '../receiver-kinds';
import type { TemplateData } from '../template-data';
import { groupKeyHash, type OutRequest, secret, truncateRunes } from './common';

type PagerdutyConfig = z.infer<typeof pagerdutySchema>;

export const PAGERDUTY_V2_URL = 'https://events.pagerduty.com/v2/enqueue';
export const PAGERDUTY_V1_URL = 'https://events.pagerduty.com/generic/2010-04-15/create_event.json';
const MAX_EVENT_BYTES = 512_000;

const DEFAULT_DETAILS: Record<string, string> = {
  firing: '{{ template "pagerduty.default.instances" .Alerts.Firing }}',
  resolved: '{{ template "pagerduty.default.instances" .Alerts.Resolved }}',
  num_firing: '{{ .Alerts.Firing | len }}',
  num_resolved: '{{ .Alerts.Resolved | len }}',
};
const DEFAULT_CLIENT = '{{ template "pagerduty.default.client" . }}';

/** Go's encoding/json drops empty strings under omitempty; JSON.stringify drops undefined. */
const omitEmpty = (s: string) => s || undefined;

/**
 * Alertmanager's PagerDuty notifier: Events API v2 with `routing_key` (v1 with `service_key`),
 * trigger/resolve by the group's status, dedup key = SHA-256 of the group key.
 */
export function buildPagerduty(
  c: PagerdutyConfig,
  globalUrl: string | undefined,
  d: TemplateData,
  groupKey: string,
): OutRequest {
  const t = (s: string | undefined) => (s ? renderAmTemplate(s, d) : '');
  const event = d.status === 'resolved' ? 'resolve' : 'trigger';
  const details: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...DEFAULT_DETAILS, ...c.details })) details[k] = t(v);
  const description = t(c.description ?? '{{ template "pagerduty.default.description" .}}');
  const client = t(c.client ?? DEFAULT_CLIENT);
  const clientUrl = t(c.client_url ?? '{{ template "pagerduty.default.clientURL" . }}');
  const dedup = groupKeyHash(groupKey);
  const v1 = Boolean(c.service_key || c.service_key_file);
  if (v1) {
    const key = t(secret(c.service_key, c.service_key_file, 'service key'));
    if (!key) throw new Error('service key cannot be empty');
    const msg = {
      service_key: key,
      incident_key: dedup,
      event_type: event,
      description: omitEmpty(truncateRunes(description, 1024)),
      client: event === 'trigger' ? omitEmpty(client) : undefined,
      client_url: event === 'trigger' ? omitEmpty(clientUrl) : undefined,
      details,
      event_action: '',
      payload: null,
    };
    return request(c.url ?? PAGERDUTY_V1_URL, msg, (m) => (m.details = { error: tooBig() }), [403]);
  }
  const key = t(secret(c.routing_key, c.routing_key_file, 'routing key'));
  if (!key) throw new Error('routing key cannot be empty');
  const images = (c.images ?? [])
    .map((i) => ({ src: t(i.src), alt: t(i.alt), href: t(i.href) }))
    .filter((i) => i.src !== '');
  const links = (c.links ?? []).map((l) => ({ href: t(l.href), text: t(l.text) })).filter((l) => l.href !== '');
  const msg = {
    routing_key: key,
    dedup_key: dedup,
    event_action: event,
    payload: {
      summary: truncateRunes(description, 1024),
      source: t(c.source ?? c.client ?? DEFAULT_CLIENT),
      severity: t(c.severity || 'error'),
      class: omitEmpty(t(c.class)),
      component: omitEmpty(t(c.component)),
      group: omitEmpty(t(c.group)),
      custom_details: details,
    },
    client: omitEmpty(client),
    client_url: omitEmpty(clientUrl),
    images: images.length ? images : undefined,
    links: links.length ? links : undefined,
  };
  return request(
    c.url ?? globalUrl ?? PAGERDUTY_V2_URL,
    msg,
    (m) => (m.payload.custom_details = { error: tooBig() }),
    [429],
  );
}

const tooBig = () => 'Custom details have been removed because the original event exceeds the maximum size of 512kB';

function request<T>(url: string, msg: T, dropDetails: (m: T) => void, retryCodes: number[]): OutRequest {
  let body = `${JSON.stringify(msg)}\n`;
  if (Buffer.byteLength(body) > MAX_EVENT_BYTES) {
    dropDetails(msg);
    body = `${JSON.stringify(msg)}\n`;
  }
  return { url, body, retryCodes };
}
