import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSlackMessage, parseAlertmanagerConfig, type TemplateData } from '@/lib/alerting';
import { CUSTOM_SLACK, captureAlertmanager, hasAlertmanager, type OracleCapture } from './am-oracle';

const committed = JSON.parse(
  readFileSync(path.join(import.meta.dirname, 'alertmanager-0.25-slack.json'), 'utf8'),
) as OracleCapture;

function slackConfigs() {
  const cfg = parseAlertmanagerConfig({
    route: { receiver: 'team x' },
    receivers: [
      {
        name: 'team x',
        slack_configs: [
          { api_url: 'https://hooks.slack.com/services/T/B/C', channel: '#alerts', send_resolved: true },
          {
            api_url: 'https://hooks.slack.com/services/T/B/C',
            channel: '#custom',
            send_resolved: true,
            ...CUSTOM_SLACK,
          },
        ],
      },
    ],
  });
  return cfg.receivers[0].slack_configs;
}

/** The webhook body is Alertmanager's template data plus three envelope fields. */
function templateData(webhook: Record<string, unknown>): TemplateData {
  const { version: _v, groupKey: _g, truncatedAlerts: _t, ...data } = webhook;
  return data as TemplateData;
}

function compare(c: OracleCapture) {
  const [def, custom] = slackConfigs();
  const d = templateData(c.webhook);
  expect(buildSlackMessage(def, d)).toEqual(c.slackDefault);
  expect(buildSlackMessage(custom, d)).toEqual(c.slackCustom);
}

describe('Slack messages match what Alertmanager 0.25 sends for the same alerts', () => {
  it('the committed capture (default.tmpl title/link/fallback, custom templates with functions, data methods and trim markers)', () => {
    compare(committed);
  });

  it.skipIf(!hasAlertmanager && process.env.CI !== 'true')(
    'a live capture from prometheus-alertmanager on 127.0.0.1',
    async () => {
      compare(await captureAlertmanager());
    },
    30_000,
  );
});
