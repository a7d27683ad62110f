import type { AlertmanagerConfig, ReceiverConfig } from '../config';
import { DEFAULT_RETRY, type PostResult, postWithRetry, sendWithRetry } from '../http-post';
import type { Integration, IntegrationDeps } from '../integrations';
import type { UndeliveredKind } from '../receiver-kinds';
import { buildTemplateData, type TemplateData } from '../template-data';
import {
  buildDiscord,
  buildMsteams,
  buildMsteamsV2,
  buildPushover,
  buildTelegram,
  buildWebex,
  PUSHOVER_API_URL,
} from './chat';
import { authorizationHeader, type OutRequest, secret } from './common';
import { buildOpsgenie } from './opsgenie';
import { buildPagerduty } from './pagerduty';
import { buildVictorops } from './victorops';
import { WechatSender } from './wechat';

type Global = AlertmanagerConfig['global'];
type Build = (c: never, g: Global, d: TemplateData, groupKey: string, deps: IntegrationDeps) => OutRequest[];

const TELEGRAM_API_URL = 'https://api.telegram.org';
const WEBEX_API_URL = 'https://webexapis.com/v1/messages';

/** How each HTTP receiver kind turns a group into requests, with Alertmanager's send_resolved default. */
const KINDS: Partial<Record<UndeliveredKind, { sendResolved: boolean; build: Build }>> = {
  pagerduty_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['pagerduty_configs']>[number], g, d, key) => [
      buildPagerduty(c, g.pagerduty_url, d, key),
    ],
  },
  opsgenie_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['opsgenie_configs']>[number], g, d, key) => buildOpsgenie(c, g, d, key),
  },
  discord_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['discord_configs']>[number], _g, d) => {
      if (!c.webhook_url) throw new Error('missing webhook_url');
      return [buildDiscord(c, c.webhook_url, d)];
    },
  },
  msteams_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['msteams_configs']>[number], _g, d) => {
      const url = secret(c.webhook_url, c.webhook_url_file, 'webhook URL');
      if (!url) throw new Error('missing webhook_url');
      return [buildMsteams(c, url, d)];
    },
  },
  msteamsv2_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['msteamsv2_configs']>[number], _g, d) => {
      const url = secret(c.webhook_url, c.webhook_url_file, 'webhook URL');
      if (!url) throw new Error('missing webhook_url');
      return [buildMsteamsV2(c, url, d)];
    },
  },
  telegram_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['telegram_configs']>[number], g, d) => [
      buildTelegram(c, c.api_url ?? g.telegram_api_url ?? TELEGRAM_API_URL, d),
    ],
  },
  pushover_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['pushover_configs']>[number], _g, d, _k, deps) => [
      buildPushover(c, deps.endpoints?.pushover ?? PUSHOVER_API_URL, d),
    ],
  },
  victorops_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['victorops_configs']>[number], g, d, key) => [buildVictorops(c, g, d, key)],
  },
  webex_configs: {
    sendResolved: true,
    build: (c: NonNullable<ReceiverConfig['webex_configs']>[number], g, d) => [
      buildWebex(c, c.api_url ?? g.webex_api_url ?? WEBEX_API_URL, d),
    ],
  },
};

export const DELIVERED_KINDS = new Set([...(Object.keys(KINDS) as UndeliveredKind[]), 'wechat_configs']);

/** Sends a notifier's requests in order (Opsgenie may make three); the first failure ends it. */
async function sendAll(requests: OutRequest[], deps: IntegrationDeps): Promise<PostResult> {
  let attempts = 0;
  let last: PostResult = { ok: true, attempts: 0, status: null, error: null };
  for (const { url, ...req } of requests) {
    last = await postWithRetry(url, req, deps.clock, deps.retry);
    attempts += last.attempts;
    if (!last.ok) break;
  }
  return { ...last, attempts };
}

/** The integrations of a receiver's HTTP kinds (PagerDuty, Opsgenie, Discord, Teams, Telegram, Pushover, VictorOps, Webex). */
export function buildHttpIntegrations(rc: ReceiverConfig, global: Global, deps: IntegrationDeps): Integration[] {
  const out: Integration[] = [];
  for (const [kind, spec] of Object.entries(KINDS) as [UndeliveredKind, { sendResolved: boolean; build: Build }][]) {
    const name = kind.replace(/_configs$/, '');
    (rc[kind] ?? []).forEach((c, i) => {
      out.push({
        id: `${name}[${i}]`,
        sendResolved: (c as { send_resolved?: boolean }).send_resolved ?? spec.sendResolved,
        notify: async (ctx, alerts) => {
          const data = buildTemplateData(ctx.receiver, ctx.groupLabels, alerts, ctx.now, deps.externalURL);
          // As Prometheus's HTTP client: http_config.authorization unless the notifier sets its own (Opsgenie).
          const auth = authorizationHeader((c as { http_config?: Record<string, unknown> }).http_config);
          const requests = spec.build(c as never, global, data, ctx.groupKey, deps);
          return sendAll(
            requests.map((r) => ({ ...r, headers: { ...auth, ...r.headers } })),
            deps,
          );
        },
      });
    });
  }
  (rc.wechat_configs ?? []).forEach((c, i) => {
    const sender = new WechatSender(c, global, deps.clock, deps.retry?.timeoutMs ?? DEFAULT_RETRY.timeoutMs);
    out.push({
      id: `wechat[${i}]`,
      sendResolved: c.send_resolved ?? false,
      notify: async (ctx, alerts) => {
        const data = buildTemplateData(ctx.receiver, ctx.groupLabels, alerts, ctx.now, deps.externalURL);
        return sendWithRetry(() => sender.send(data), deps.clock, deps.retry);
      },
    });
  });
  return out;
}
