import { stringify } from 'yaml';

const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];
const RANGES = ['1m', '5m', '10m', '15m', '30m', '1h'];

type Rule = {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};

/** The three rules of CCProxy's monitoring docs, unchanged. */
const CCPROXY: Rule[] = [
  { alert: 'CCProxyDown', expr: 'up{job="ccproxy"} == 0', for: '1m', labels: { severity: 'critical' } },
  {
    alert: 'HighErrorRate',
    expr: 'rate(http_requests_total{status=~"5.."}[5m]) > 0.1',
    for: '2m',
    labels: { severity: 'warning' },
    annotations: { description: 'Error rate is {{ $value }} errors per second' },
  },
  {
    alert: 'HighLatency',
    expr: 'histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 2',
    for: '3m',
    labels: { severity: 'warning' },
    annotations: { description: '95th percentile latency is {{ $value }} seconds' },
  },
];

/** Rule templates over the derived series; `i` picks the target, job, provider and range. */
const TEMPLATES: ((i: number, t: string, job: string, p: string, r: string) => string)[] = [
  (_i, t) => `up{job="${t}"} == 0`,
  (_i, t, _j, _p, r) => `avg_over_time(up{job="${t}"}[${r}]) < 0.9`,
  (_i, t, _j, _p, r) => `max_over_time(probe_duration_seconds{job="${t}"}[${r}]) > 2`,
  (_i, t) => `health_providers_healthy{job="${t}"} < 1`,
  (_i, _t, _j, _p, r) => `min_over_time(health_providers_healthy[${r}]) < 2`,
  (_i, t, _j, _p, r) => `avg_over_time(probe_http_status_code{job="${t}"}[${r}]) >= 500`,
  (_i, _t, j, _p, r) =>
    `sum by (provider) (rate(http_requests_total{job="${j}",status=~"5.."}[${r}])) / sum by (provider) (rate(http_requests_total{job="${j}"}[${r}])) > 0.05`,
  (_i, _t, j, p, r) => `increase(http_requests_total{job="${j}",provider="${p}",status="429"}[${r}]) > 20`,
  (_i, _t, j, p, r) =>
    `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="${j}",provider="${p}"}[${r}]))) > 4`,
  (_i, _t, j, _p, r) =>
    `histogram_quantile(0.99, sum by (le, provider) (rate(http_request_duration_seconds_bucket{job="${j}"}[${r}]))) > 6`,
  (_i, _t, _j, p, r) => `sum by (job) (increase(llm_rate_limited_total{provider="${p}"}[${r}])) > 30`,
  (_i, _t, j, _p, r) => `sum by (provider) (increase(llm_tokens_total{job="${j}",type="output"}[${r}])) > 1e6`,
  (_i, _t, j, _p, r) => `rate(log_lines_total{job="${j}",level="error"}[${r}]) > 0.5`,
  (_i, _t, j, _p, r) => `sum(rate(http_requests_total{job="${j}"}[${r}])) < 0.01`,
  (_i, _t, j, p, r) =>
    `rate(http_request_duration_seconds_sum{job="${j}",provider="${p}"}[${r}]) / rate(http_request_duration_seconds_count{job="${j}",provider="${p}"}[${r}]) > 3`,
  (_i, _t, _j, _p, r) => `count(avg_over_time(up[${r}]) < 1) > 3`,
  (_i, t) => `absent(up{job="${t}"})`,
  (_i, _t, j, _p, r) =>
    `topk(3, sum by (provider) (increase(http_requests_total{job="${j}",status!="200"}[${r}]))) > 500`,
];

/** A rule file of `total` alert rules in groups of 20, as a user with many targets and two proxies might write. */
export function benchRuleFile(total: number, targets: number, logJobs: string[]): string {
  const rules: Rule[] = [...CCPROXY];
  for (let i = 0; rules.length < total; i++) {
    const tpl = TEMPLATES[i % TEMPLATES.length];
    const n = Math.floor(i / TEMPLATES.length);
    const expr = tpl(
      i,
      `t${(i * 7) % targets}`,
      logJobs[n % logJobs.length],
      PROVIDERS[n % PROVIDERS.length],
      RANGES[(i + n) % RANGES.length],
    );
    rules.push({
      alert: `Bench${i}`,
      expr,
      for: ['0s', '1m', '5m'][i % 3],
      labels: { severity: i % 4 ? 'warning' : 'critical' },
      annotations: { summary: 'value {{ $value | humanize }}' },
    });
  }
  const groups = [];
  for (let g = 0; g * 20 < rules.length; g++)
    groups.push({ name: `bench-${g}`, rules: rules.slice(g * 20, g * 20 + 20) });
  return stringify({ groups });
}
