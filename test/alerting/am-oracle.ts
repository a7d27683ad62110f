import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';
import { startReceiver } from './receiver';

export const hasAlertmanager = spawnSync('prometheus-alertmanager', ['--version']).status === 0;

/** Slack fields with custom templates: Alertmanager 0.25's functions, data methods, trim markers and default.tmpl. */
export const CUSTOM_SLACK = {
  title: '{{ .Status | toUpper }}: {{ .CommonLabels.job }} {{ .Alerts.Firing | len }}/{{ .Alerts.Resolved | len }}',
  pretext:
    '{{ .CommonLabels.Remove .GroupLabels.Names | len }} {{ join ", " (stringSlice "a" "b") }} {{ title "hi there" }} {{ reReplaceAll `(w+)` "<$1>" .Status }} {{ match "^fir" .Status }} {{ safeHtml "<b>" }}',
  text: '{{ range .Alerts -}}\n  *{{ .Labels.alertname }}* {{ .Status }} {{ .Annotations.summary }}\n  {{- range .Labels.SortedPairs }} • {{ .Name }}=`{{ .Value }}`{{ end }}\n{{ end -}}',
  footer: '{{ template "opsgenie.default.description" . }}',
  callback_id:
    '{{ .GroupLabels.SortedPairs }} {{ .CommonLabels }} {{ .CommonLabels.Names }} {{ .CommonAnnotations.Values }} [{{ .CommonLabels.missing }}]',
  fallback:
    '{{ with index .Alerts 0 }}{{ .StartsAt }}|{{ .EndsAt }}|{{ .StartsAt.Format "2006-01-02T15:04:05.000Z07:00" }}|{{ .StartsAt.Unix }}|{{ .Fingerprint }}{{ end }}',
};

/** Alerts relative to now: startsAt/endsAt offsets in ms (a past endsAt makes the alert resolved). */
export const ORACLE_ALERTS: {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  endsAt?: number;
  generatorURL: string;
}[] = [
  {
    labels: { alertname: 'HighLatency', job: 'ccproxy', provider: 'groq', severity: 'warning' },
    annotations: { summary: 'High latency' },
    startsAt: -3_600_000,
    generatorURL: 'http://lookout/alerts',
  },
  {
    labels: { alertname: 'HighLatency', job: 'ccproxy', provider: 'openai', severity: 'warning' },
    annotations: { summary: 'High latency', runbook: 'r' },
    startsAt: -60_000,
    generatorURL: 'http://lookout/alerts',
  },
  {
    labels: { alertname: 'HighLatency', job: 'ccproxy', provider: 'anthropic', severity: 'warning' },
    annotations: { summary: 'Was slow' },
    startsAt: -7_200_000,
    endsAt: -1_000,
    generatorURL: 'http://lookout/alerts',
  },
];

export type OracleCapture = { webhook: Record<string, unknown>; slackDefault: unknown; slackCustom: unknown };

/** Runs Debian's Alertmanager 0.25 on 127.0.0.1 with a Slack (default and custom) and a webhook receiver; returns what it sent. */
export async function captureAlertmanager(): Promise<OracleCapture> {
  const rx = await startReceiver([{ status: 200 }]);
  const base = rx.url.replace(/\/hook\/.*$/, '');
  const dir = tempDir('lookout-am-oracle-');
  const cfg = {
    route: {
      receiver: 'team x',
      group_by: ['alertname'],
      group_wait: '1s',
      group_interval: '1m',
      repeat_interval: '1h',
    },
    receivers: [
      {
        name: 'team x',
        slack_configs: [
          { api_url: `${base}/slack-default`, channel: '#alerts', send_resolved: true },
          { api_url: `${base}/slack-custom`, channel: '#custom', send_resolved: true, ...CUSTOM_SLACK },
        ],
        webhook_configs: [{ url: `${base}/webhook`, send_resolved: true }],
      },
    ],
  };
  writeFileSync(path.join(dir, 'am.yml'), JSON.stringify(cfg));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const am = spawn(
    'prometheus-alertmanager',
    [
      `--config.file=${dir}/am.yml`,
      `--storage.path=${dir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--web.external-url=http://am.example:9093/prefix',
    ],
    { stdio: 'ignore' },
  );
  try {
    const api = `http://127.0.0.1:${port}/prefix`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${api}/-/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const now = Date.now();
    const iso = (ms: number) => new Date(now + ms).toISOString();
    const alerts = ORACLE_ALERTS.map((a) => ({
      ...a,
      startsAt: iso(a.startsAt),
      ...(a.endsAt === undefined ? {} : { endsAt: iso(a.endsAt) }),
    }));
    const post = await fetch(`${api}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    if (!post.ok) throw new Error(`Alertmanager refused the alerts: ${post.status}`);
    for (let i = 0; i < 100 && rx.bodies.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const by = Object.fromEntries(rx.bodies.map((b) => [b.path, b.body]));
    return {
      webhook: by['/webhook'] as Record<string, unknown>,
      slackDefault: by['/slack-default'],
      slackCustom: by['/slack-custom'],
    };
  } finally {
    am.kill();
    await rx.close();
  }
}
