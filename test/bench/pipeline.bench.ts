// npm run bench:pipeline — in-process stage throughput, no server: the CCProxy log correlator, the file
// tailer with a no-op commit, and template expansion (rule annotations, Slack messages). Figures only;
// each stage's PASS/MISS line checks that it processed everything, not a speed.
import fs from 'node:fs';
import { buildSlackMessage, buildTemplateData, parseAlertmanagerConfig } from '@/lib/alerting';
import { LogCorrelator } from '@/lib/logs';
import { expandTemplate } from '@/lib/rules';
import { setup, lines as tailLines } from '../ingest/tail/memory-store';
import { v1 } from '../logs/ccproxy-fixtures';

const N = Number(process.env.BENCH_LINES ?? 200_000);
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function correlator(): boolean {
  const kinds = [v1.routed(), v1.request(), v1.sent(), v1.streamed];
  const lines = Array.from({ length: N }, (_, i) => kinds[i % kinds.length]);
  const c = new LogCorrelator({ format: 'auto' });
  const at = Date.UTC(2026, 10, 27, 12);
  // One warm-up pass so the figure reflects steady-state JIT code, as in the long-running pipeline.
  for (const l of lines) c.process(l, at);
  let requests = 0;
  const started = performance.now();
  for (let i = 0; i < lines.length; i++) if (c.process(lines[i], at + i).request) requests++;
  const s = (performance.now() - started) / 1000;
  console.log(`correlator  ${fmt(N)} CCProxy v1 lines in ${fmt(s * 1000)} ms = ${fmt(N / s / 1000)}k lines/s`);
  const ok = requests === N / kinds.length;
  console.log(`${ok ? 'PASS' : 'MISS'}  one request per four lines (${fmt(requests)})`);
  return ok;
}

async function tailer(): Promise<boolean> {
  const e = setup('app.log');
  try {
    const fd = fs.openSync(e.file(), 'w');
    for (let i = 0; i < N / 1000; i++) {
      fs.writeSync(
        fd,
        `${tailLines(i * 1000 + 1, i * 1000 + 1000, `2026-01-01T00:00:00Z INFO request served path=/api/v1/x status=200 ms=${i}`).join('\n')}\n`,
      );
    }
    fs.closeSync(fd);
    let count = 0;
    const t = e.make({ commit: (b) => void (count += b.lines.length) });
    const started = performance.now();
    await t.pollOnce();
    const s = (performance.now() - started) / 1000;
    const mb = fs.statSync(e.file()).size / 1e6;
    console.log(
      `tailer      ${fmt(count)} lines, ${fmt(mb, 1)} MB in ${fmt(s, 2)} s = ${fmt(count / s)} lines/s, ${fmt(mb / s)} MB/s`,
    );
    const ok = count === N;
    console.log(`${ok ? 'PASS' : 'MISS'}  every line read in one poll (${fmt(count)} of ${fmt(N)})`);
    return ok;
  } finally {
    await e.cleanup();
  }
}

function templates(): boolean {
  const rounds = N / 10;
  const summary =
    '{{ $labels.job }} on {{ $labels.instance }}: error rate {{ $value | humanizePercentage }} ({{ printf "%.2f" $value }}){{ if gt $value 0.5 }} — critical{{ end }}';
  let chars = 0;
  let started = performance.now();
  for (let i = 0; i < rounds; i++)
    chars += expandTemplate(summary, {
      labels: { job: 'ccproxy', instance: `h:${i % 50}` },
      value: i / rounds,
      alertName: 'HighErrorRate',
    }).length;
  const annS = (performance.now() - started) / 1000;
  console.log(
    `templates   ${fmt(rounds)} rule annotations in ${fmt(annS * 1000)} ms = ${fmt(rounds / annS / 1000, 1)}k/s`,
  );
  const cfg = parseAlertmanagerConfig({
    route: { receiver: 'r' },
    receivers: [{ name: 'r', slack_configs: [{ api_url: 'https://hooks.slack.com/services/T/B/C' }] }],
  }).receivers[0].slack_configs[0];
  const T = Date.UTC(2026, 0, 1);
  const alerts = Array.from({ length: 5 }, (_, i) => ({
    labels: { alertname: 'HighLatency', job: 'ccproxy', provider: `p${i}` },
    annotations: { summary: 'slow' },
    startsAt: T - 60_000,
    endsAt: T + 60_000,
    generatorURL: '',
    updatedAt: T,
  }));
  const data = buildTemplateData('r', { alertname: 'HighLatency' }, alerts, T, 'http://lookout');
  const messages = rounds / 10;
  started = performance.now();
  for (let i = 0; i < messages; i++) chars += buildSlackMessage(cfg, data).attachments[0].title?.length ?? 0;
  const slackS = (performance.now() - started) / 1000;
  console.log(
    `templates   ${fmt(messages)} Slack messages (default.tmpl, 5 alerts) in ${fmt(slackS * 1000)} ms = ${fmt(messages / slackS / 1000, 1)}k/s`,
  );
  const ok = chars > 0;
  console.log(`${ok ? 'PASS' : 'MISS'}  every template rendered`);
  return ok;
}

async function main() {
  const results = [correlator(), await tailer(), templates()];
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
