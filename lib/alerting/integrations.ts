import { readFileSync } from 'node:fs';
import type { Clock } from '../clock';
import type { Labels } from '../rules/labels';
import type { AlertmanagerConfig, ReceiverConfig } from './config';
import { type PostResult, postJsonWithRetry, type RetryOptions } from './http-post';
import { buildSlackMessage } from './slack-payload';
import { buildTemplateData, type StoredAlert } from './template-data';
import { buildWebhookMessage } from './webhook-payload';

export type NotifyContext = { receiver: string; groupKey: string; groupLabels: Labels; now: number };

export interface Integration {
  /** e.g. `webhook[0]`, `slack[1]` — the nflog key, and safe to show (no URL). */
  readonly id: string;
  readonly sendResolved: boolean;
  notify(ctx: NotifyContext, alerts: StoredAlert[]): Promise<PostResult>;
}

export type IntegrationDeps = { clock: Clock; externalURL: string; retry?: Partial<RetryOptions> };

function readSecretFile(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    throw new Error('cannot read the URL file');
  }
}

/** The webhook and Slack integrations of one receiver, in config order. */
export function buildIntegrations(rc: ReceiverConfig, global: AlertmanagerConfig['global'], deps: IntegrationDeps): Integration[] {
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
        const url = s.api_url ?? (s.api_url_file ? readSecretFile(s.api_url_file) : (global.slack_api_url ?? ''));
        return postJsonWithRetry(url, buildSlackMessage(s, data), deps.clock, deps.retry);
      },
    });
  });
  return out;
}
