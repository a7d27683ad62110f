import type { z } from 'zod';
import { renderAmTemplate } from '../am-template';
import type { victoropsSchema } from '../receiver-kinds';
import type { TemplateData } from '../template-data';
import { groupKeyHash, type OutRequest, secret, truncateRunes } from './common';

export const VICTOROPS_API_URL = 'https://alert.victorops.com/integrations/generic/20131114/alert/';
const EVENTS = new Set(['INFO', 'WARNING', 'CRITICAL']);

/**
 * Alertmanager's VictorOps (Splunk On-Call) notifier: POST {api_url}{api_key}/{routing_key}, entity_id
 * the group key's hash, message_type RECOVERY once resolved, custom_fields added to the body.
 */
export function buildVictorops(
  c: z.infer<typeof victoropsSchema>,
  g: { victorops_api_url?: string; victorops_api_key?: string; victorops_api_key_file?: string },
  d: TemplateData,
  groupKey: string,
): OutRequest {
  const t = (s: string | undefined) => (s ? renderAmTemplate(s, d) : '');
  const own = c.api_key || c.api_key_file;
  const key = own
    ? secret(c.api_key, c.api_key_file, 'API key')
    : secret(g.victorops_api_key, g.victorops_api_key_file, 'API key');
  const u = new URL(c.api_url ?? g.victorops_api_url ?? VICTOROPS_API_URL);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.pathname += `${key}/${t(c.routing_key)}`;
  let type = t(c.message_type ?? 'CRITICAL');
  if (d.status === 'firing' && !EVENTS.has(type)) type = 'CRITICAL';
  if (d.status === 'resolved') type = 'RECOVERY';
  const msg: Record<string, string> = {
    message_type: type,
    entity_id: groupKeyHash(groupKey),
    entity_display_name: t(c.entity_display_name ?? '{{ template "victorops.default.entity_display_name" . }}'),
    state_message: truncateRunes(t(c.state_message ?? '{{ template "victorops.default.state_message" . }}'), 20480),
    monitoring_tool: t(c.monitoring_tool ?? '{{ template "victorops.default.monitoring_tool" . }}'),
  };
  for (const [k, v] of Object.entries(c.custom_fields ?? {})) msg[k] = t(v);
  return { url: u.toString(), body: `${JSON.stringify(msg)}\n` };
}
