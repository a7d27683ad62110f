import { describe, expect, it } from 'vitest';
import { buildTemplateData } from '@/lib/alerting';
import { renderAmTemplate } from '@/lib/alerting/am-template';
import { formatGoDuration } from '@/lib/template/go-time';

const T = Date.UTC(2026, 0, 1, 12, 0, 0, 250);
const alert = (provider: string, endsAt: number) => ({
  labels: { alertname: 'HighLatency', job: 'ccproxy', provider },
  annotations: { summary: `slow ${provider}` },
  startsAt: T - 90_000,
  endsAt,
  generatorURL: 'http://lookout/alerts',
  updatedAt: T,
});
const data = buildTemplateData(
  'team x',
  { alertname: 'HighLatency' },
  [alert('groq', T + 60_000), alert('openai', T - 1)],
  T,
  'http://l',
);
const render = (text: string) => renderAmTemplate(text, data, () => T);

describe('Alertmanager template data and functions', () => {
  it.each([
    ['{{ .Alerts.Firing | len }}/{{ .Alerts.Resolved | len }}', '1/1'],
    ['{{ range .Alerts.Resolved }}{{ .Labels.provider }}{{ end }}', 'openai'],
    ['{{ .CommonLabels.SortedPairs.Names }} {{ .CommonLabels.Values }}', '[alertname job] [HighLatency ccproxy]'],
    ['{{ (.CommonLabels.Remove (stringSlice "job")).Names | join "," }}', 'alertname'],
    ['{{ range .GroupLabels.SortedPairs }}{{ .Name }}={{ .Value }}{{ end }}', 'alertname=HighLatency'],
    ['[{{ .CommonLabels.nope }}]', '[]'],
    [
      '{{ trimSpace "  padded \\n" }}|{{ title "hello world-wide" }}|{{ toUpper "a" }}{{ toLower "B" }}',
      'padded|Hello World-Wide|Ab',
    ],
    [
      '{{ match "^High" .CommonLabels.alertname }} {{ reReplaceAll "(?P<first>[A-Z])[a-z]+" "${first}." .CommonLabels.alertname }}',
      'true H.L.',
    ],
    ['{{ (index .Alerts 0).StartsAt }}', '2026-01-01 11:58:30.25 +0000 UTC'],
    ['{{ (index .Alerts 0).EndsAt }} {{ (index .Alerts 0).EndsAt.IsZero }}', '0001-01-01 00:00:00 +0000 UTC true'],
    ['{{ date "2006-01-02 15:04:05 MST" (index .Alerts 0).StartsAt }}', '2026-01-01 11:58:30 UTC'],
    [
      '{{ (index .Alerts 0).StartsAt | tz "Europe/Paris" | date "Mon Jan _2 15:04:05 -07:00 2006" }}',
      'Thu Jan  1 12:58:30 +01:00 2026',
    ],
    ['{{ (index .Alerts 0).StartsAt | tz "America/New_York" }}', '2026-01-01 06:58:30.25 -0500 EST'],
    [
      '{{ since (index .Alerts 0).StartsAt }} {{ (since (index .Alerts 0).StartsAt).Seconds | humanizeDuration }}',
      '1m30s 1m 30s',
    ],
    ['{{ humanizeDuration 3725 }} {{ humanizeDuration "0.5" }}', '1h 2m 5s 500ms'],
    ['{{ safeHtml "<b>" }} {{ .ExternalURL }} {{ .Receiver | urlquery }}', '<b> http://l team+x'],
  ])('%j → %j', (tmpl, want) => expect(render(tmpl)).toBe(want));

  it('errors name the action, as Alertmanager reports them', () => {
    expect(() => render('{{ tz "Nowhere/City" (index .Alerts 0).StartsAt }}')).toThrow(
      'error calling tz: unknown time zone Nowhere/City',
    );
    expect(() => render('{{ join "," .CommonLabels }}')).toThrow('error calling join');
    expect(() => render('{{ .Nope }}')).toThrow(`can't evaluate field Nope`);
  });

  it('time.Duration prints as Go prints it', () => {
    expect([0, 999, 1_500_000, 2.5e9, 3_723_000_000_000, -6e10].map(formatGoDuration)).toEqual([
      '0s',
      '999ns',
      '1.5ms',
      '2.5s',
      '1h2m3s',
      '-1m0s',
    ]);
  });
});
