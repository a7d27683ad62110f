import { z } from 'zod';
import { DNS_RECORD_TYPES, STARTTLS_PROTOCOLS, TARGET_STATUSES, TARGET_TYPES } from './enums';
import { count, gapPoint, iso, ms, point, series } from './shapes-common';

export const checkShape = z.looseObject({
  ts: iso,
  up: z.boolean(),
  status_code: z.number().int().nullable(),
  latency_ms: z.number(),
  error: z.string().nullable().meta({ description: 'short human reason, e.g. "timeout after 10s"' }),
  gauges: z.record(z.string(), z.number()),
});

const percent = z.number().min(0).max(100).nullable();

export const targetShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(TARGET_TYPES),
  url: z.string().meta({ description: 'dns and heartbeat targets show one made from their fields' }),
  insecure_skip_verify: z.boolean().optional(),
  expect: z.string().optional(),
  has_send: z.boolean().meta({ description: 'a tcp target sends a string once connected (a secret: not shown)' }),
  server: z.string().optional(),
  query_name: z.string().optional(),
  query_type: z.enum(DNS_RECORD_TYPES).optional(),
  packets: z.number().int().optional(),
  period_s: z.number().optional().meta({ description: 'heartbeat: a ping is expected every period_s + grace_s' }),
  schedule: z
    .string()
    .optional()
    .meta({ description: 'heartbeat: a cron expression; a ping is expected after each run, within grace_s' }),
  timezone: z.string().optional().meta({ description: "IANA zone of the schedule's times (UTC when absent)" }),
  grace_s: z.number().optional(),
  domain_expiry: z
    .union([z.boolean(), z.string()])
    .optional()
    .meta({ description: "tls: the domain's registration expiry is read over RDAP (true: the host's domain)" }),
  starttls: z
    .enum(STARTTLS_PROTOCOLS)
    .optional()
    .meta({ description: 'tcp: upgraded to TLS with this protocol before the handshake' }),
  api: z.enum(['anthropic', 'openai']).optional().meta({ description: 'llm: the wire format of url' }),
  model: z.string().optional().meta({ description: 'llm: the model each synthetic request asks for' }),
  provider: z.string().optional().meta({ description: 'llm: the provider the check is shown under' }),
  has_api_key: z.boolean().optional().meta({ description: 'llm: an API key is set (a secret: not shown)' }),
  max_requests_per_day: z.number().int().optional().meta({ description: 'llm: the hard cap on its own requests' }),
  requests_today: z.number().int().optional().meta({ description: 'llm: requests sent this UTC day' }),
  method: z.string(),
  interval_s: z.number(),
  timeout_ms: z.number(),
  conditions: z.array(z.string()),
  failure_threshold: z.number().int(),
  success_threshold: z.number().int(),
  paused: z.boolean(),
  provisioned: z.boolean(),
  has_headers: z.boolean().meta({ description: 'headers are secrets: only their presence is shown' }),
  has_body: z.boolean(),
  status: z.enum(TARGET_STATUSES),
  since: iso.nullable(),
  last_check: checkShape.nullable(),
  uptime: z
    .looseObject({ '24h': percent, '7d': percent, '30d': percent })
    .meta({ description: 'percent, null without data' }),
  latency_ms: z.looseObject({ p50: ms, p95: ms }),
});

/** A created or updated target: a heartbeat's new ping token is in this answer only. */
export const savedTargetShape = targetShape.extend({
  ping_token: z
    .string()
    .optional()
    .meta({ description: 'heartbeat only, when a token was just made: ping /ping/{ping_token}; shown once' }),
});

export const incidentShape = z.looseObject({
  start: iso,
  end: iso.nullable(),
  duration_s: z.number(),
  reason: z.string(),
  maintenance: z.boolean().meta({ description: 'opened while the target was in a maintenance window' }),
});

export const bucketsShape = z.looseObject({
  step_ms: z.number(),
  data: z.array(z.looseObject({ ts: iso, checks: count, up: count, uptime: z.number().nullable() })),
});

export const targetLatencyShape = z.looseObject({ step_ms: z.number(), series: z.array(series(gapPoint)) });
export const gaugesShape = z.looseObject({
  step_ms: z.number(),
  truncated: z.boolean(),
  series: z.array(series(point)),
});
export const sparklinesShape = z.looseObject({ data: z.record(z.string(), z.array(gapPoint)) });
