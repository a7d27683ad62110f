import { z } from 'zod';
import { count, iso, ms } from './shapes-common';

export const routeUsageShape = z.looseObject({
  method: z.string().nullable(),
  route: z.string().meta({ description: 'the request path templated: ids become :id (/users/:id)' }),
  requests: count,
  errors: count,
  error_rate: z.number().min(0).max(1),
  client_errors: count,
  p50_ms: ms,
  p95_ms: ms,
});

const detectedLine = z.looseObject({
  received_at: iso,
  line: z.string().meta({ description: 'the line as read (inside its container wrapper, continuation lines joined)' }),
  format: z.string().meta({ description: 'json, logfmt, text or ccproxy-v0/v1' }),
  family: z.string().nullable().meta({ description: 'the format family recognised (docs/logs.md#formats)' }),
  wrapper: z
    .string()
    .nullable()
    .meta({ description: 'docker, cri or compose when the line came in one; loki for Loki push' }),
  time: iso,
  time_fallback: z
    .boolean()
    .meta({ description: 'true: the line had no readable time of its own; time is when it was received' }),
  time_issue: z.string().nullable(),
  level: z.string().nullable(),
  message: z.string(),
  fields: z.record(z.string(), z.unknown()),
});

export const sourceDetectionShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  format: z.string(),
  timezone: z.string().nullable(),
  detected_format: z.string().nullable(),
  lines: count,
  recent: z.array(detectedLine),
  time_fallback: z.looseObject({
    count,
    share: z.number().min(0).max(1),
    sample: z.array(detectedLine),
  }),
});
