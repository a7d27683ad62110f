import { z } from 'zod';
import { count, iso, ms, point, series } from './shapes-common';

export const logEntryShape = z.looseObject({
  id: z.string(),
  ts: iso,
  source: z.string().nullable(),
  level: z.string().nullable(),
  message: z.string(),
  provider: z.string().nullable(),
  model: z.string().nullable(),
  status: z.number().nullable(),
  duration_ms: z.number().nullable(),
  input_tokens: z.number().nullable(),
  output_tokens: z.number().nullable(),
  request_id: z.string().nullable(),
  flags: z.number().int().min(0).meta({ description: 'bit set of what ingestion noticed about the line (0: nothing)' }),
  fields: z.record(z.string(), z.unknown()).meta({ description: 'the original fields' }),
});

export const logPageShape = z.looseObject({ data: z.array(logEntryShape), next_cursor: z.string().nullable() });
export const logHistogramShape = z.looseObject({
  step_ms: z.number(),
  points: z.array(point),
  partial: z
    .boolean()
    .describe('true when counting stopped at the time budget: steps before `counted_from` read 0, uncounted'),
  counted_from: z.number().nullable().describe('epoch ms of the oldest step counted when `partial`, else null'),
});
export const ingestResultShape = z.looseObject({
  accepted: count,
  rejected: count,
  errors: z.array(z.looseObject({ line: z.number().int(), reason: z.string() })),
});

const usage = {
  requests: count,
  errors: count,
  error_rate: z.number().min(0).max(1),
  rate_limited: count,
  p50_ms: ms,
  p95_ms: ms,
  input_tokens: count,
  output_tokens: count,
};

export const summaryShape = z.looseObject({
  requests: count,
  errors: count,
  error_rate: z.number().min(0).max(1),
  client_errors: count,
  rate_limited: count,
  latency_ms: z.looseObject({ p50: ms, p95: ms, p99: ms }),
  tokens: z.looseObject({ input: count, output: count }),
});
export const requestSeriesShape = z.looseObject({ step_ms: z.number(), series: z.array(series(point)) });
export const errorCountsShape = z.looseObject({ data: z.array(z.looseObject({ key: z.string(), count: count })) });
export const latencyShape = z.looseObject({
  buckets: z.array(
    z.looseObject({ le_ms: z.number().nullable().meta({ description: 'null for the +Inf bucket' }), count }),
  ),
  p50: ms,
  p95: ms,
  p99: ms,
});
export const providerUsageShape = z.looseObject({ provider: z.string(), ...usage });
export const modelUsageShape = z.looseObject({
  provider: z.string(),
  model: z.string(),
  share: z.number().min(0).max(1),
  ...usage,
});

const tailFile = z.looseObject({
  path: z.string(),
  state: z.string(),
  size_bytes: z.number(),
  offset: z.number(),
  lag_bytes: z.number(),
  growth_bytes_per_s: z.number(),
  lines_read: count,
  lines_truncated: count,
  last_read_at: iso.nullable(),
});
export const sourceShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(['file', 'http']),
  path: z.string().nullable(),
  tailing: z.boolean(),
  provisioned: z.boolean(),
  format: z.string(),
  /** IANA zone of the source's naive times; null: UTC. */
  timezone: z.string().nullable(),
  start_at: z.string(),
  detected_format: z.string().nullable(),
  lines: z.looseObject({ read: count, accepted: count, rejected: count, flagged: count }),
  last_line_at: iso.nullable(),
  last_ingest_at: iso.nullable(),
  recent_rejects: z.array(z.looseObject({ at: iso, reason: z.string(), sample: z.string() })),
  files: z.array(tailFile),
  lag_bytes: z.number(),
  last_error: z.string().nullable(),
});

/** OTLP's Export*ServiceResponse in its JSON encoding: `partialSuccess` only when something was refused. */
export const otlpExportShape = z.looseObject({
  partialSuccess: z
    .looseObject({
      rejectedLogRecords: z.string().optional(),
      rejectedDataPoints: z.string().optional(),
      errorMessage: z.string(),
    })
    .optional(),
});

/** Claude Code's tokens and cost from its OTLP metrics: per step by token type and by user; totals per user and model. */
export const claudeCodeUsageShape = z.looseObject({
  step_ms: z.number(),
  tokens: z.array(series(point)),
  cost: z.array(series(point)),
  rows: z.array(
    z.looseObject({
      user: z.string(),
      model: z.string(),
      input: z.number(),
      output: z.number(),
      cache_read: z.number(),
      cache_creation: z.number(),
      cost_usd: z.number(),
    }),
  ),
});
