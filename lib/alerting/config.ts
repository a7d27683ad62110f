import { z } from 'zod';
import { durationSchema } from '@/lib/config/duration-schema';
import { compileAnchoredRe2, Re2SyntaxError } from '../regex/re2';
import { checkReceivers, checkRoutes, LABEL_NAME } from './config-checks';
import { parseMatchers } from './matchers';
import { UNDELIVERED_KIND_NAMES, UNDELIVERED_KINDS, type UndeliveredKind } from './receiver-kinds';
import { namedTimeIntervalSchema } from './time-intervals';

const GLOBAL_KEYS = [
  'smtp_from',
  'smtp_hello',
  'smtp_smarthost',
  'smtp_auth_username',
  'smtp_auth_password',
  'smtp_auth_password_file',
  'smtp_auth_secret',
  'smtp_auth_identity',
  'pagerduty_url',
  'opsgenie_api_url',
  'opsgenie_api_key',
  'opsgenie_api_key_file',
  'wechat_api_url',
  'wechat_api_secret',
  'wechat_api_corp_id',
  'victorops_api_url',
  'victorops_api_key',
  'victorops_api_key_file',
  'telegram_api_url',
  'webex_api_url',
] as const;
const GLOBAL_STRINGS = Object.fromEntries(GLOBAL_KEYS.map((k) => [k, z.string().optional()])) as {
  [K in (typeof GLOBAL_KEYS)[number]]: z.ZodOptional<z.ZodString>;
};

const duration = durationSchema;
const labelMap = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String));
const matcherList = z.array(z.string()).superRefine((list, ctx) => {
  for (const s of list) {
    try {
      parseMatchers(s);
    } catch (err) {
      const msg = (err as Error).message;
      ctx.addIssue({
        code: 'custom',
        message: err instanceof Re2SyntaxError ? `bad regular expression in ${JSON.stringify(s)}: ${msg}` : msg,
      });
    }
  }
});
const regexMap = z.record(z.string(), z.string()).superRefine((m, ctx) => {
  for (const v of Object.values(m)) {
    try {
      compileAnchoredRe2(v);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  }
});

export type RouteConfig = {
  receiver?: string;
  group_by?: string[];
  continue?: boolean;
  match?: Record<string, string>;
  match_re?: Record<string, string>;
  matchers?: string[];
  group_wait?: number;
  group_interval?: number;
  repeat_interval?: number;
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: RouteConfig[];
};

export const routeSchema: z.ZodType<RouteConfig, unknown> = z.lazy(() =>
  z.strictObject({
    receiver: z.string().optional(),
    group_by: z.array(z.string()).optional(),
    continue: z.boolean().optional(),
    match: labelMap.optional(),
    match_re: regexMap.optional(),
    matchers: matcherList.optional(),
    group_wait: duration.optional(),
    group_interval: duration.optional(),
    repeat_interval: duration.optional(),
    mute_time_intervals: z.array(z.string()).optional(),
    active_time_intervals: z.array(z.string()).optional(),
    routes: z.array(routeSchema).optional(),
  }),
);

const httpConfig = z.object({}).loose().optional();
const webhookSchema = z.strictObject({
  url: z.url().optional(),
  url_file: z.string().optional(),
  send_resolved: z.boolean().default(true),
  max_alerts: z.number().int().min(0).default(0),
  timeout: duration.optional(),
  http_config: httpConfig,
});
const slackSchema = z.strictObject({
  api_url: z.url().optional(),
  api_url_file: z.string().optional(),
  send_resolved: z.boolean().default(false),
  channel: z.string().optional(),
  username: z.string().optional(),
  color: z.string().optional(),
  title: z.string().optional(),
  title_link: z.string().optional(),
  pretext: z.string().optional(),
  text: z.string().optional(),
  footer: z.string().optional(),
  fallback: z.string().optional(),
  callback_id: z.string().optional(),
  icon_emoji: z.string().optional(),
  icon_url: z.string().optional(),
  image_url: z.string().optional(),
  thumb_url: z.string().optional(),
  link_names: z.boolean().default(false),
  mrkdwn_in: z.array(z.string()).optional(),
  actions: z.array(z.object({}).loose()).optional(),
  fields: z.array(z.object({}).loose()).optional(),
  short_fields: z.boolean().optional(),
  http_config: httpConfig,
});
const receiverSchema = z.strictObject({
  name: z.string().min(1),
  webhook_configs: z.array(webhookSchema).default([]),
  slack_configs: z.array(slackSchema).default([]),
  ...(Object.fromEntries(UNDELIVERED_KIND_NAMES.map((k) => [k, z.array(UNDELIVERED_KINDS[k]).optional()])) as {
    [K in UndeliveredKind]: z.ZodOptional<z.ZodArray<(typeof UNDELIVERED_KINDS)[K]>>;
  }),
});
const inhibitSchema = z.strictObject({
  source_match: labelMap.optional(),
  source_match_re: regexMap.optional(),
  source_matchers: matcherList.optional(),
  target_match: labelMap.optional(),
  target_match_re: regexMap.optional(),
  target_matchers: matcherList.optional(),
  equal: z.array(z.string()).default([]),
});

export const alertmanagerConfigSchema = z.strictObject({
  global: z
    .strictObject({
      resolve_timeout: duration.default(5 * 60_000),
      slack_api_url: z.url().optional(),
      slack_api_url_file: z.string().optional(),
      http_config: httpConfig,
      ...GLOBAL_STRINGS,
      smtp_require_tls: z.boolean().optional(),
    })
    .default({ resolve_timeout: 5 * 60_000 }),
  route: routeSchema,
  receivers: z.array(receiverSchema).min(1),
  inhibit_rules: z.array(inhibitSchema).default([]),
  time_intervals: z.array(namedTimeIntervalSchema).default([]),
  mute_time_intervals: z.array(namedTimeIntervalSchema).default([]),
  templates: z
    .array(z.string())
    .max(0, "custom template files are not supported; Lookout uses Alertmanager's default templates")
    .optional(),
});

export type AlertmanagerConfig = z.infer<typeof alertmanagerConfigSchema>;
export type ReceiverConfig = AlertmanagerConfig['receivers'][number];
export type SlackConfig = ReceiverConfig['slack_configs'][number];
export type InhibitRuleConfig = AlertmanagerConfig['inhibit_rules'][number];

/** Validates an `alerting:` block; errors name the path (e.g. `route.routes.0.matchers`). */
export function parseAlertmanagerConfig(raw: unknown): AlertmanagerConfig {
  const r = alertmanagerConfigSchema.safeParse(raw);
  if (!r.success) {
    throw Object.assign(
      new Error(`alerting: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`),
      { issues: r.error.issues },
    );
  }
  const cfg = r.data;
  const g = cfg.global;
  for (const [a, b] of [
    ['slack_api_url', 'slack_api_url_file'],
    ['smtp_auth_password', 'smtp_auth_password_file'],
    ['opsgenie_api_key', 'opsgenie_api_key_file'],
    ['victorops_api_key', 'victorops_api_key_file'],
  ] as const) {
    if (g[a] && g[b]) throw new Error(`alerting: global: at most one of ${a} & ${b} must be configured`);
  }
  const names = checkReceivers(cfg);
  cfg.inhibit_rules.forEach((r, i) => {
    for (const l of r.equal)
      if (!LABEL_NAME.test(l))
        throw new Error(`alerting: inhibit_rules.${i}.equal: ${JSON.stringify(l)} is not a valid label name`);
    for (const key of ['source_match', 'source_match_re', 'target_match', 'target_match_re'] as const) {
      for (const l of Object.keys(r[key] ?? {}))
        if (!LABEL_NAME.test(l))
          throw new Error(`alerting: inhibit_rules.${i}.${key}: invalid label name ${JSON.stringify(l)}`);
    }
  });
  const intervals = new Set<string>();
  for (const [key, list] of [
    ['mute_time_intervals', cfg.mute_time_intervals],
    ['time_intervals', cfg.time_intervals],
  ] as const) {
    for (const ti of list) {
      if (intervals.has(ti.name)) throw new Error(`alerting: ${key}: time interval "${ti.name}" is not unique`);
      intervals.add(ti.name);
    }
  }
  checkRoutes(cfg.route, names, intervals);
  return cfg;
}
