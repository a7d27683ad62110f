import type { Lookout } from '@/lib/engine/context';
import { getLatestProbeSamples } from '@/lib/queries/get-latest-probe-samples';
import { getLlmCostTotals } from '@/lib/queries/get-llm-cost-totals';
import { getLogTotals } from '@/lib/queries/get-log-totals';
import { getOtlpLatest } from '@/lib/queries/get-otlp-latest';
import { instanceOf } from '@/lib/series/probe-series';
import { isSystemMetric, SYSTEM_METRICS } from './catalog';
import type { MetricFamily, MetricType } from './exposition';
import type { MetricSample } from './types';

const DERIVED: Record<string, [MetricType, string]> = {
  up: ['gauge', 'Whether the latest /health probe of the target succeeded (1) or not (0).'],
  probe_duration_seconds: ['gauge', 'How long the latest probe took in seconds.'],
  probe_http_status_code: ['gauge', 'HTTP status code of the latest probe response.'],
  probe_ssl_earliest_cert_expiry: ['gauge', 'Earliest expiry of the certificate chain, in unix seconds.'],
  probe_domain_expiry: ['gauge', 'When the domain registration expires (RDAP), in unix seconds.'],
  probe_tcp_connected: ['gauge', 'Whether the latest TCP check connected (1) or not (0).'],
  probe_dns_answer_rrs: ['gauge', 'Number of answers in the latest DNS response.'],
  probe_icmp_packet_loss_ratio: ['gauge', 'Share of the latest ping packets that got no reply (0 to 1).'],
  probe_icmp_rtt_seconds: ['gauge', 'Mean round-trip time of the latest ping, in seconds.'],
  probe_heartbeat_last_ping_timestamp_seconds: ['gauge', 'When the heartbeat last received a ping, in unix seconds.'],
  probe_llm_ttft_seconds: ['gauge', 'Time to the first streamed token of the latest synthetic completion, in seconds.'],
  probe_llm_rate_limited: ['gauge', 'Whether the latest synthetic completion was answered 429 (1) or not (0).'],
  probe_llm_ratelimit_remaining_requests: ['gauge', 'Requests left in the rate-limit window, from the latest answer.'],
  probe_llm_ratelimit_remaining_tokens: ['gauge', 'Tokens left in the rate-limit window, from the latest answer.'],
  probe_llm_retry_after_seconds: ['gauge', 'The retry-after of the latest synthetic completion, in seconds.'],
  probe_llm_requests_today: ['gauge', 'Synthetic requests sent this UTC day (capped by max_requests_per_day).'],
  http_requests_total: ['counter', 'Completed client requests seen in the logs since Lookout started.'],
  http_request_duration_seconds: ['histogram', 'Request duration seen in the logs since Lookout started.'],
  llm_tokens_total: ['counter', 'LLM tokens seen in the logs since Lookout started, by type input or output.'],
  llm_rate_limited_total: ['counter', 'Requests answered 429 seen in the logs since Lookout started.'],
  log_lines_total: ['counter', 'Log lines by level since Lookout started.'],
  llm_cost_usd_total: ['counter', 'LLM spend in USD priced at ingestion since Lookout started (docs/llm-cost.md).'],
  llm_budget_limit_usd: ['gauge', 'Limit of each LLM spend budget for its period, in USD.'],
  llm_budget_spent_usd: ['gauge', 'LLM spend so far in each budget’s current period, in USD.'],
  llm_budget_forecast_usd: ['gauge', 'LLM spend forecast to the end of each budget’s period at the last hour’s rate.'],
  lookout_alertmanager_alerts_sent_total: [
    'counter',
    'Alerts posted to each external Alertmanager (alerting.alertmanagers).',
  ],
  lookout_alertmanager_alerts_errors_total: [
    'counter',
    'Alerts whose post to each external Alertmanager failed; the next evaluation sends firing ones again.',
  ],
  lookout_alertmanager_alerts_dropped_total: [
    'counter',
    'Alerts dropped because the queue to the Alertmanagers was full.',
  ],
  lookout_remote_write_samples_sent_total: ['counter', 'Samples each remote write receiver accepted (2xx).'],
  lookout_remote_write_samples_failed_total: [
    'counter',
    'Samples a remote write receiver refused for good (4xx other than 429): dropped, not retried.',
  ],
  lookout_remote_write_samples_dropped_total: [
    'counter',
    'Samples dropped, oldest first, because the receiver stayed down longer than buffer_size holds.',
  ],
  lookout_remote_write_retries_total: ['counter', 'Remote write requests retried after a 5xx, 429 or network error.'],
  lookout_remote_write_samples_pending: ['gauge', 'Samples in the disk buffer, not yet accepted by the receiver.'],
  lookout_remote_write_lag_seconds: ['gauge', 'Age of the oldest sample not yet accepted by the receiver (0: none).'],
  lookout_storage_full: [
    'gauge',
    'Whether the disk under the data directory is full (1): writes wait until space is back.',
  ],
};

const OTLP_FRESH_MS = 15 * 60_000;

/** promtool's linter rejects camelCase; node_exporter's meminfo names are exported in snake case here. */
export const exportedName = (name: string): string =>
  name.startsWith('node_memory_') ? name.replace(/(?<=[a-z])([A-Z])/g, '_$1').toLowerCase() : name;

const familyOf = (name: string) =>
  /^http_request_duration_seconds_(bucket|sum|count)$/.test(name) ? 'http_request_duration_seconds' : name;

function metaOf(family: string): [MetricType, string] {
  if (DERIVED[family]) return DERIVED[family];
  if (family.startsWith('health_')) {
    // A JSON field named `total` is not a counter; untyped keeps promtool's "_total means counter" rule.
    return [
      family.endsWith('_total') ? 'untyped' : 'gauge',
      `Numeric field of the latest probe's JSON body (${family.slice(7)}).`,
    ];
  }
  for (const [name, meta] of Object.entries(SYSTEM_METRICS))
    if (exportedName(name) === family) return [meta[0], meta[1]];
  return ['gauge', family];
}

/** Prometheus's notifier counts per Alertmanager the same way (prometheus_notifications_*_total). */
function alertmanagerSamples(lookout: Lookout): MetricSample[] {
  const sender = lookout.alerts.alertmanagers;
  if (sender.stats.length === 0) return [];
  return [
    ...sender.stats.flatMap((s) => [
      { name: 'lookout_alertmanager_alerts_sent_total', labels: { alertmanager: s.url }, value: s.sent },
      { name: 'lookout_alertmanager_alerts_errors_total', labels: { alertmanager: s.url }, value: s.errors },
    ]),
    { name: 'lookout_alertmanager_alerts_dropped_total', labels: {}, value: sender.dropped },
  ];
}

/** Per queue, as Prometheus's prometheus_remote_storage_* series are per remote_name and url. */
function remoteWriteSamples(lookout: Lookout): MetricSample[] {
  return lookout.remoteWrite.queues.flatMap((q) => {
    const s = q.status();
    const labels = { remote_name: s.name, url: s.url };
    return [
      { name: 'lookout_remote_write_samples_sent_total', labels, value: s.sent },
      { name: 'lookout_remote_write_samples_failed_total', labels, value: s.failed },
      { name: 'lookout_remote_write_samples_dropped_total', labels, value: s.dropped },
      { name: 'lookout_remote_write_retries_total', labels, value: s.retries },
      { name: 'lookout_remote_write_samples_pending', labels, value: s.pending },
      { name: 'lookout_remote_write_lag_seconds', labels, value: s.lagSeconds },
    ];
  });
}

/** Every series /metrics exports, grouped into families in a stable order. */
export function collectMetrics(lookout: Lookout): MetricFamily[] {
  const system = lookout.system.latest().last?.samples ?? [];
  const samples: MetricSample[] = [
    ...getLatestProbeSamples(lookout.readDb),
    ...getLogTotals(lookout.readDb, lookout.system.startedAt, instanceOf(lookout.env.externalUrl)),
    ...getLlmCostTotals(
      lookout.readDb,
      lookout.system.startedAt,
      lookout.clock.now(),
      instanceOf(lookout.env.externalUrl),
    ),
    ...system.filter((s) => isSystemMetric(s.name)).map((s) => ({ ...s, name: exportedName(s.name) })),
    { name: 'lookout_build_info', labels: { version: lookout.version }, value: 1 },
    { name: 'lookout_storage_full', labels: {}, value: lookout.storage.status().state === 'full' ? 1 : 0 },
    ...alertmanagerSamples(lookout),
    ...remoteWriteSamples(lookout),
  ];
  const families = new Map<string, MetricFamily>();
  for (const s of samples) {
    const name = s.name === 'lookout_build_info' ? s.name : familyOf(s.name);
    let f = families.get(name);
    if (!f) {
      const [type, help] =
        name === 'lookout_build_info' ? (['gauge', 'Lookout version; always 1.'] as const) : metaOf(name);
      families.set(name, (f = { name, type, help, samples: [] }));
    }
    f.samples.push(s);
  }
  // Series received over OTLP, as long as their sender keeps sending (docs/api.md#otlp-metrics).
  for (const o of getOtlpLatest(lookout.readDb, lookout.clock.now() - OTLP_FRESH_MS)) {
    let f = families.get(o.family);
    if (!f) families.set(o.family, (f = { name: o.family, type: o.type, help: o.help || o.family, samples: [] }));
    f.samples.push(o.sample);
  }
  return [...families.values()];
}
