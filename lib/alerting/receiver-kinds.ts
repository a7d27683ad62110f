import { z } from 'zod';

/**
 * Alertmanager's receiver kinds besides webhook and Slack, validated key for key. Lookout sends the ones
 * in integrations.ts's DELIVERED; the rest are shown as "not delivered by Lookout".
 */
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
  tls_config: z
    .strictObject({
      ca_file: str,
      cert_file: str,
      key_file: str,
      server_name: str,
      insecure_skip_verify: bool,
      min_version: z.enum(['TLS10', 'TLS11', 'TLS12', 'TLS13']).optional(),
      max_version: z.enum(['TLS10', 'TLS11', 'TLS12', 'TLS13']).optional(),
    })
    .optional(),
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
export const msteamsSchema = z.strictObject({
  ...common,
  webhook_url: str,
  webhook_url_file: str,
  title: str,
  summary: str,
  text: str,
});

/** Teams workflows (Power Automate), from Alertmanager 0.28; accepted for the same reason. */
export const msteamsv2Schema = z.strictObject({
  ...common,
  webhook_url: str,
  webhook_url_file: str,
  title: str,
  text: str,
});

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
  msteamsv2_configs: msteamsv2Schema,
} as const;

export type UndeliveredKind = keyof typeof UNDELIVERED_KINDS;
export const UNDELIVERED_KIND_NAMES = Object.keys(UNDELIVERED_KINDS) as UndeliveredKind[];
