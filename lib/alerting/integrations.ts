import { readFileSync } from 'node:fs';
import type { Clock } from '../clock';
import type { Labels } from '../rules/labels';
import type { AlertmanagerConfig, ReceiverConfig } from './config';
import { buildEmail, resolveEmailConfig, sendEmailOnce } from './email';
import { DEFAULT_RETRY, type PostResult, postJsonWithRetry, type RetryOptions, sendWithRetry } from './http-post';
import { UNDELIVERED_KIND_NAMES, type UndeliveredKind } from './receiver-kinds';
import { buildHttpIntegrations, DELIVERED_KINDS } from './receivers/senders';
import { buildSlackMessage } from './slack-payload';
import { buildTemplateData, type StoredAlert } from './template-data';
import { buildWebhookMessage } from './webhook-payload';

export type NotifyContext = { receiver: string; groupKey: string; groupLabels: Labels; now: number };

export interface Integration {
  /** e.g. `webhook[0]`, `slack[1]` — the nflog key, and safe to show (no URL). */
  readonly id: string;
  readonly sendResolved: boolean;
  /** Set for receiver kinds Lookout accepts but cannot send: logged as "not delivered by Lookout" instead. */
  readonly undelivered?: string;
  notify(ctx: NotifyContext, alerts: StoredAlert[]): Promise<PostResult>;
}

export type IntegrationDeps = {
  clock: Clock;
  externalURL: string;
  retry?: Partial<RetryOptions>;
  /** API URLs Alertmanager does not let a config change (Pushover's); tests point them at 127.0.0.1. */
  endpoints?: { pushover?: string };
};

function readSecretFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw new Error('cannot read the URL file');
  }
}

/** The integrations of one receiver: webhook, Slack, then the other kinds, each in config order. */
export function buildIntegrations(
  rc: ReceiverConfig,
  global: AlertmanagerConfig['global'],
  deps: IntegrationDeps,
): Integration[] {
  const out: Integration[] = [];
  rc.webhook_configs.forEach((w, i) => {
    out.push({
      id: `webhook[${i}]`,
      sendResolved: w.send_resolved,
      notify: async (ctx, alerts) => {
        const data = buildTemplateData(ctx.receiver, ctx.groupLabels, alerts, ctx.now, deps.externalURL);
        const url = w.url ?? readSecretFile(w.url_file ?? '');
        const retry = w.timeout ? { ...deps.retry, timeoutMs: w.timeout } : deps.retry;
        return postJsonWithRetry(url, buildWebhookMessage(data, ctx.groupKey, w.max_alerts), deps.clock, retry);
      },
    });
  });
  rc.slack_configs.forEach((s, i) => {
    out.push({
      id: `slack[${i}]`,
      sendResolved: s.send_resolved,
      notify: async (ctx, alerts) => {
        const data = buildTemplateData(ctx.receiver, ctx.groupLabels, alerts, ctx.now, deps.externalURL);
        const file = s.api_url_file ?? global.slack_api_url_file;
        const url =
          s.api_url ?? (s.api_url_file ? undefined : global.slack_api_url) ?? (file ? readSecretFile(file) : '');
        return postJsonWithRetry(url, buildSlackMessage(s, data), deps.clock, deps.retry);
      },
    });
  });
  (rc.email_configs ?? []).forEach((c, i) => {
    const r = resolveEmailConfig(c, global);
    out.push({
      id: `email[${i}]`,
      sendResolved: c.send_resolved ?? false,
      notify: async (ctx, alerts) => {
        const data = buildTemplateData(ctx.receiver, ctx.groupLabels, alerts, ctx.now, deps.externalURL);
        const msg = buildEmail(r, data);
        const timeout = deps.retry?.timeoutMs ?? DEFAULT_RETRY.timeoutMs;
        return sendWithRetry(() => sendEmailOnce(r, msg, timeout), deps.clock, deps.retry);
      },
    });
  });
  out.push(...buildHttpIntegrations(rc, global, deps));
  for (const kind of UNDELIVERED_KIND_NAMES) {
    if (kind === 'email_configs' || DELIVERED_KINDS.has(kind)) continue;
    const name = kind.replace(/_configs$/, '');
    (rc[kind] ?? []).forEach((c, i) => {
      out.push({
        id: `${name}[${i}]`,
        sendResolved: (c as { send_resolved?: boolean }).send_resolved ?? DEFAULT_SEND_RESOLVED[kind],
        undelivered: `not delivered by Lookout: ${kind} are accepted but not sent yet`,
        notify: async () => ({ ok: false, attempts: 0, status: null, error: 'not delivered by Lookout' }),
      });
    });
  }
  return out;
}

/** Alertmanager 0.25's send_resolved defaults per kind. */
const DEFAULT_SEND_RESOLVED: Record<UndeliveredKind, boolean> = {
  email_configs: false,
  pagerduty_configs: true,
  opsgenie_configs: true,
  wechat_configs: false,
  pushover_configs: true,
  victorops_configs: true,
  sns_configs: true,
  telegram_configs: true,
  webex_configs: true,
  discord_configs: true,
  msteams_configs: true,
  msteamsv2_configs: true,
};
