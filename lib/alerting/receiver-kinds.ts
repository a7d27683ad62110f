import { z } from 'zod';

/** Receiver kinds of Alertmanager 0.25 that Lookout validates but does not deliver (yet): shown as "not delivered by Lookout". */
const str = z.string().optional();
const bool = z.boolean().optional();
const httpConfig = z.object({}).loose().optional();
const strMap = z.record(z.string(), z.string()).optional();
const common = { send_resolved: bool, http_config: httpConfig };

export const emailSchema = z.strictObject({
  send_resolved: bool,
  to: str,
  from: str,
  hello: str,
  smarthost: str,
  auth_username: str,
  auth_password: str,
  auth_password_file: str,
  auth_secret: str,
  auth_identity: str,
  headers: strMap,
  html: str,
  text: str,
  require_tls: bool,
  tls_config: z.object({}).loose().optional(),
});

export const pagerdutySchema = z.strictObject({
  ...common,
  service_key: str,
  service_key_file: str,
  routing_key: str,
  routing_key_file: str,
  url: str,
  client: str,
  client_url: str,
  description: str,
  details: strMap,
  images: z.array(z.strictObject({ src: str, alt: str, href: str })).optional(),
  links: z.array(z.strictObject({ href: str, text: str })).optional(),
  source: str,
  severity: str,
  class: str,
  component: str,
  group: str,
});

const responder = z.strictObject({ id: str, name: str, username: str, type: z.string() });
export const opsgenieSchema = z.strictObject({
  ...common,
  api_key: str,
  api_key_file: str,
  api_url: str,
  message: str,
  description: str,
  source: str,
  details: strMap,
  entity: str,
  responders: z.array(responder).optional(),
  actions: str,
  tags: str,
  note: str,
  priority: str,
  update_alerts: bool,
});

export const wechatSchema = z.strictObject({
  ...common,
  api_secret: str,
  corp_id: str,
  message: str,
  api_url: str,
  to_user: str,
  to_party: str,
  to_tag: str,
  agent_id: str,
  message_type: z.enum(['text', 'markdown']).optional(),
});

export const pushoverSchema = z.strictObject({
  ...common,
  user_key: str,
  token: str,
  title: str,
  message: str,
  url: str,
  url_title: str,
  sound: str,
  priority: str,
  retry: str,
  expire: str,
  html: bool,
});

export const victoropsSchema = z.strictObject({
  ...common,
  api_key: str,
  api_key_file: str,
  api_url: str,
  routing_key: str,
  message_type: str,
  state_message: str,
  entity_display_name: str,
  monitoring_tool: str,
  custom_fields: strMap,
});

export const snsSchema = z.strictObject({
  ...common,
  api_url: str,
  sigv4: z.strictObject({ region: str, access_key: str, secret_key: str, profile: str, role_arn: str }).optional(),
  topic_arn: str,
  phone_number: str,
  target_arn: str,
  subject: str,
  message: str,
  attributes: strMap,
});

export const telegramSchema = z.strictObject({
  ...common,
  api_url: str,
  bot_token: str,
  chat_id: z.number().int().optional(),
  message: str,
  disable_notifications: bool,
  parse_mode: z.enum(['', 'Markdown', 'MarkdownV2', 'HTML']).optional(),
});

export const webexSchema = z.strictObject({ ...common, api_url: str, message: str, room_id: str });
export const discordSchema = z.strictObject({ ...common, webhook_url: str, title: str, message: str });
/** Not in Alertmanager 0.25 (added in 0.26); accepted because Lookout's provisioning documents it. */
export const msteamsSchema = z.strictObject({ ...common, webhook_url: str, webhook_url_file: str, title: str, summary: str, text: str });

export const UNDELIVERED_KINDS = {
  email_configs: emailSchema,
  pagerduty_configs: pagerdutySchema,
  opsgenie_configs: opsgenieSchema,
  wechat_configs: wechatSchema,
  pushover_configs: pushoverSchema,
  victorops_configs: victoropsSchema,
  sns_configs: snsSchema,
  telegram_configs: telegramSchema,
  webex_configs: webexSchema,
  discord_configs: discordSchema,
  msteams_configs: msteamsSchema,
} as const;

export type UndeliveredKind = keyof typeof UNDELIVERED_KINDS;
export const UNDELIVERED_KIND_NAMES = Object.keys(UNDELIVERED_KINDS) as UndeliveredKind[];

type G = Record<string, unknown>;
type C = Record<string, unknown>;
const has = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Alertmanager 0.25's per-kind checks (required fields, globals), message for message where it has one. */
export function checkUndelivered(kind: UndeliveredKind, c: C, g: G): string | null {
  switch (kind) {
    case 'email_configs':
      if (!has(c.to)) return 'missing to address in email config';
      if (!has(c.smarthost) && !has(g.smtp_smarthost)) return 'no global SMTP smarthost set';
      if (!has(c.from) && !has(g.smtp_from)) return 'no global SMTP from set';
      if (has(c.auth_password) && has(c.auth_password_file)) return 'at most one of auth_password & auth_password_file must be configured';
      for (const k of [c.smarthost, g.smtp_smarthost]) if (has(k) && !/^[^:]*:[^:]+$|^\[.*\]:[^:]+$/.test(String(k))) return `address ${String(k)}: missing port in address`;
      return null;
    case 'pagerduty_configs':
      if (!has(c.routing_key) && !has(c.service_key) && !has(c.routing_key_file) && !has(c.service_key_file)) return 'missing service or routing key in PagerDuty config';
      if (has(c.routing_key) && has(c.routing_key_file)) return 'at most one of routing_key & routing_key_file must be configured';
      if (has(c.service_key) && has(c.service_key_file)) return 'at most one of service_key & service_key_file must be configured';
      return null;
    case 'opsgenie_configs':
      if (has(c.api_key) && has(c.api_key_file)) return 'at most one of api_key & api_key_file must be configured';
      if (!has(c.api_key) && !has(c.api_key_file) && !has(g.opsgenie_api_key) && !has(g.opsgenie_api_key_file)) return 'no global OpsGenie API Key set';
      for (const r of (c.responders as C[] | undefined) ?? []) {
        if (!has(r.id) && !has(r.name) && !has(r.username)) return 'opsGenieConfig responder must have at least an id, a name or an username defined';
        if (!/\{\{/.test(String(r.type)) && !['team', 'teams', 'user', 'escalation', 'schedule'].includes(String(r.type).toLowerCase())) return `opsGenieConfig responder ${String(r.type)} type does not match valid options team,teams,user,escalation,schedule`;
      }
      return null;
    case 'wechat_configs':
      if (!has(c.api_secret) && !has(g.wechat_api_secret)) return 'no global Wechat ApiSecret set';
      if (!has(c.corp_id) && !has(g.wechat_api_corp_id)) return 'no global Wechat CorpID set';
      return null;
    case 'pushover_configs':
      if (!has(c.user_key)) return 'missing user key in Pushover config';
      if (!has(c.token)) return 'missing token in Pushover config';
      return null;
    case 'victorops_configs':
      if (!has(c.routing_key)) return 'missing Routing key in VictorOps config';
      if (!has(c.api_key) && !has(c.api_key_file) && !has(g.victorops_api_key) && !has(g.victorops_api_key_file)) return 'no global VictorOps API Key set';
      for (const k of Object.keys((c.custom_fields as C | undefined) ?? {})) {
        if (['routing_key', 'message_type', 'state_message', 'entity_display_name', 'monitoring_tool', 'entity_id', 'entity_state'].includes(k)) return `victorOps config contains custom field ${k} which cannot be used as it conflicts with the fixed/static fields`;
      }
      return null;
    case 'sns_configs':
      if ([c.target_arn, c.topic_arn, c.phone_number].filter(has).length !== 1) return 'must provide either a Target ARN, Topic ARN, or Phone Number for SNS config';
      return null;
    case 'telegram_configs':
      if (!has(c.bot_token)) return 'missing bot_token on telegram_config';
      if (!has(c.chat_id) || c.chat_id === 0) return 'missing chat_id on telegram_config';
      return null;
    case 'webex_configs':
      if (!has(c.room_id)) return 'missing room_id on webex_config';
      if (!has((c.http_config as C | undefined)?.authorization)) return 'missing webex_configs.http_config.authorization';
      return null;
    case 'discord_configs':
    case 'msteams_configs':
      return null;
  }
}
