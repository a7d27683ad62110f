import type { z } from 'zod';
import { renderAmTemplate } from '../am-template';
import type { opsgenieSchema } from '../receiver-kinds';
import type { TemplateData } from '../template-data';
import { groupKeyHash, type OutRequest, secret, truncateRunes } from './common';

type OpsgenieConfig = z.infer<typeof opsgenieSchema>;
export const OPSGENIE_API_URL = 'https://api.opsgenie.com/';

const safeSplit = (s: string) =>
  s
    .trim()
    .split(',')
    .filter((x) => x !== '');
const nonEmpty = <T>(a: T[]) => (a.length ? a : undefined);

/**
 * Alertmanager's Opsgenie notifier (Alert API v2): create (and, with update_alerts, update message
 * and description) while firing, close by alias when resolved; the alias is the group key's hash.
 */
export function buildOpsgenie(
  c: OpsgenieConfig,
  g: { opsgenie_api_url?: string; opsgenie_api_key?: string; opsgenie_api_key_file?: string },
  d: TemplateData,
  groupKey: string,
): OutRequest[] {
  const t = (s: string | undefined) => (s ? renderAmTemplate(s, d) : '');
  const base = c.api_url ?? g.opsgenie_api_url ?? OPSGENIE_API_URL;
  const own = c.api_key || c.api_key_file;
  const key = t(
    own ? secret(c.api_key, c.api_key_file, 'API key') : secret(g.opsgenie_api_key, g.opsgenie_api_key_file, 'API key'),
  );
  const headers = { authorization: `GenieKey ${key}` };
  const alias = groupKeyHash(groupKey);
  const url = (path: string, byAlias: boolean) => {
    const u = new URL(base);
    u.pathname += path;
    if (byAlias) u.searchParams.set('identifierType', 'alias');
    return u.toString();
  };
  const source = t(c.source ?? '{{ template "opsgenie.default.source" . }}');
  const json = (v: unknown) => `${JSON.stringify(v)}\n`;
  if (d.status === 'resolved')
    return [{ url: url(`v2/alerts/${alias}/close`, true), body: json({ source }), headers, retryCodes: [429] }];
  const details: Record<string, string> = { ...d.commonLabels };
  for (const [k, v] of Object.entries(c.details ?? {})) details[k] = t(v);
  const responders = [];
  for (const r of c.responders ?? []) {
    const one = { id: t(r.id), name: t(r.name), username: t(r.username), type: t(r.type) };
    if (!one.id && !one.name && !one.username && !one.type) continue;
    if (one.type === 'teams') {
      for (const team of safeSplit(one.name)) responders.push({ name: t(team), type: 'team' });
      continue;
    }
    responders.push({
      id: one.id || undefined,
      name: one.name || undefined,
      username: one.username || undefined,
      type: one.type,
    });
  }
  const message = truncateRunes(t(c.message ?? '{{ template "opsgenie.default.message" . }}'), 130);
  const description = t(c.description ?? '{{ template "opsgenie.default.description" . }}');
  const create = {
    alias,
    message,
    description: description || undefined,
    details,
    source,
    responders: nonEmpty(responders),
    tags: nonEmpty(safeSplit(t(c.tags))),
    note: t(c.note) || undefined,
    priority: t(c.priority) || undefined,
    entity: t(c.entity) || undefined,
    actions: nonEmpty(safeSplit(t(c.actions))),
  };
  const out: OutRequest[] = [{ url: url('v2/alerts', false), body: json(create), headers, retryCodes: [429] }];
  if (c.update_alerts) {
    out.push(
      {
        url: url(`v2/alerts/${alias}/message`, true),
        method: 'PUT',
        body: json({ message: message || undefined }),
        headers,
        retryCodes: [429],
      },
      {
        url: url(`v2/alerts/${alias}/description`, true),
        method: 'PUT',
        body: json({ description: description || undefined }),
        headers,
        retryCodes: [429],
      },
    );
  }
  return out;
}
