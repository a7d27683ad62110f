import { describe, expect, it } from 'vitest';
import {
  buildSlackMessage,
  buildTemplateData,
  buildWebhookMessage,
  parseAlertmanagerConfig,
  queryEscape,
} from '@/lib/alerting';
import { fingerprint } from '@/lib/rules';

const T = Date.UTC(2026, 0, 1, 12, 0, 0);
const firing = {
  labels: { alertname: 'HighLatency', job: 'ccproxy', severity: 'warning', provider: 'groq' },
  annotations: { summary: 'High latency detected' },
  startsAt: T - 60_000,
  endsAt: T + 240_000,
  generatorURL: 'http://lookout:3000/alerts',
  updatedAt: T,
};
const resolved = {
  ...firing,
  labels: { ...firing.labels, provider: 'openai' },
  endsAt: T - 1_500,
  annotations: { summary: 'x' },
};

describe('webhook payload (Alertmanager version 4)', () => {
  const data = buildTemplateData(
    'web.hook',
    { alertname: 'HighLatency' },
    [firing, resolved],
    T,
    'http://lookout:3000',
  );
  const msg = JSON.parse(JSON.stringify(buildWebhookMessage(data, '{}:{alertname="HighLatency"}', 0))) as Record<
    string,
    unknown
  >;

  it('has exactly the v4 fields, in Alertmanager order', () => {
    expect(Object.keys(msg)).toEqual([
      'receiver',
      'status',
      'alerts',
      'groupLabels',
      'commonLabels',
      'commonAnnotations',
      'externalURL',
      'version',
      'groupKey',
      'truncatedAlerts',
    ]);
    const alerts = msg.alerts as Record<string, unknown>[];
    for (const a of alerts)
      expect(Object.keys(a)).toEqual([
        'status',
        'labels',
        'annotations',
        'startsAt',
        'endsAt',
        'generatorURL',
        'fingerprint',
      ]);
  });

  it('fills the fields as Alertmanager does', () => {
    expect(msg).toEqual({
      receiver: 'web\\.hook', // regexp.QuoteMeta, as Alertmanager's template data
      status: 'firing',
      alerts: [
        {
          status: 'firing',
          labels: firing.labels,
          annotations: firing.annotations,
          startsAt: '2026-01-01T11:59:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://lookout:3000/alerts',
          fingerprint: fingerprint(firing.labels),
        },
        {
          status: 'resolved',
          labels: resolved.labels,
          annotations: { summary: 'x' },
          startsAt: '2026-01-01T11:59:00Z',
          endsAt: '2026-01-01T11:59:58.5Z',
          generatorURL: 'http://lookout:3000/alerts',
          fingerprint: fingerprint(resolved.labels),
        },
      ],
      groupLabels: { alertname: 'HighLatency' },
      commonLabels: { alertname: 'HighLatency', job: 'ccproxy', severity: 'warning' },
      commonAnnotations: {},
      externalURL: 'http://lookout:3000',
      version: '4',
      groupKey: '{}:{alertname="HighLatency"}',
      truncatedAlerts: 0,
    });
  });

  it('max_alerts truncates and counts', () => {
    const m = buildWebhookMessage(data, 'k', 1);
    expect(m.alerts).toHaveLength(1);
    expect(m.truncatedAlerts).toBe(1);
  });

  it('fingerprints are Prometheus model fingerprints (FNV-1a 64, 16 hex digits)', () => {
    expect(fingerprint({})).toBe('cbf29ce484222325');
    expect(fingerprint({ b: '2', a: '1' })).toBe(fingerprint({ a: '1', b: '2' }));
    expect(fingerprint({ a: '1' })).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint({ a: '1' })).not.toBe(fingerprint({ a: '2' }));
  });
});

describe('Slack message (Alertmanager default templates)', () => {
  const cfg = parseAlertmanagerConfig({
    route: { receiver: 'web.hook' },
    receivers: [
      { name: 'web.hook', slack_configs: [{ api_url: 'https://hooks.slack.com/services/T/B/C', channel: '#alerts' }] },
    ],
  }).receivers[0].slack_configs[0];

  it('firing: title, link, fallback, colour danger', () => {
    const two = { ...firing, labels: { ...firing.labels, provider: 'x' } };
    const d = buildTemplateData('web.hook', { alertname: 'HighLatency' }, [firing, two], T, 'http://lookout:3000');
    expect(buildSlackMessage(cfg, d)).toEqual({
      channel: '#alerts',
      username: 'Alertmanager',
      attachments: [
        {
          title: '[FIRING:2] HighLatency (ccproxy warning)',
          title_link: 'http://lookout:3000/#/alerts?receiver=web%5C.hook',
          text: '',
          fallback: '[FIRING:2] HighLatency (ccproxy warning) | http://lookout:3000/#/alerts?receiver=web%5C.hook',
          callback_id: '',
          footer: '',
          color: 'danger',
          mrkdwn_in: ['fallback', 'pretext', 'text'],
        },
      ],
    });
  });

  it('resolved: [RESOLVED] title with the trailing space and colour good', () => {
    const d = buildTemplateData('web hook', { ...resolved.labels }, [resolved], T, 'http://l');
    const att = buildSlackMessage(cfg, d).attachments[0];
    expect(att.title).toBe('[RESOLVED] HighLatency ccproxy openai warning ');
    expect(att.color).toBe('good');
    expect(att.title_link).toBe('http://l/#/alerts?receiver=web+hook');
  });

  it('custom title templates in the supported subset', () => {
    const custom = {
      ...cfg,
      title: '{{ .Status | toUpper }}: {{ .CommonLabels.job }}',
      text: '{{ .CommonAnnotations.summary }}',
    };
    const d = buildTemplateData('r', { alertname: 'HighLatency' }, [firing], T, 'http://l');
    const att = buildSlackMessage(custom, d).attachments[0];
    expect([att.title, att.text]).toEqual(['FIRING: ccproxy', 'High latency detected']);
  });

  it('queryEscape matches Go url.QueryEscape', () => {
    expect(queryEscape("a b/c?d=e&f'(x)*~")).toBe('a+b%2Fc%3Fd%3De%26f%27%28x%29%2A~');
  });
});
