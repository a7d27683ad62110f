import type { z } from 'zod';
import type { newTokenShape, sessionShape, tokenInfoShape } from '@/lib/api/openapi/shapes-auth';
import type {
  claudeCodeUsageShape,
  errorCountsShape,
  latencyShape,
  logEntryShape,
  logHistogramShape,
  logPageShape,
  modelUsageShape,
  providerUsageShape,
  sourceShape,
  summaryShape,
} from '@/lib/api/openapi/shapes-logs';
import type { promQueryData } from '@/lib/api/openapi/shapes-prometheus';
import type { providerHealthShape } from '@/lib/api/openapi/shapes-provider-health';
import type { statusIncidentShape, statusPageShape } from '@/lib/api/openapi/shapes-status';
import type { systemSeriesShape, systemSnapshotShape } from '@/lib/api/openapi/shapes-system';
import type {
  bucketsShape,
  checkShape,
  incidentShape,
  targetLatencyShape,
  targetShape,
} from '@/lib/api/openapi/shapes-targets';

// The API's answers as the browser sees them: inferred from the zod shapes the server's answers are checked against.
export { UPTIME_WINDOWS } from '@/lib/api/openapi/enums';
export { ERROR_GROUPS, type ErrorGroup, type RequestGroup } from '@/lib/stats/groups';

export type ClaudeCodeUsage = z.infer<typeof claudeCodeUsageShape>;
export type Target = z.infer<typeof targetShape>;
export type TargetStatus = Target['status'];
export type Check = z.infer<typeof checkShape>;
export type Incident = z.infer<typeof incidentShape>;
export type SeriesResponse = z.infer<typeof targetLatencyShape>;
export type Series = SeriesResponse['series'][number];
/** `[epoch_ms, value]`; value is null in a gap. */
export type Point = Series['points'][number];
export type BucketsResponse = z.infer<typeof bucketsShape>;
export type Bucket = BucketsResponse['data'][number];
export type Session = z.infer<typeof sessionShape>;
export type ApiToken = z.infer<typeof tokenInfoShape>;
export type NewToken = z.infer<typeof newTokenShape>;

export type StatsSummary = z.infer<typeof summaryShape>;
export type KeyCount = z.infer<typeof errorCountsShape>['data'][number];
export type LatencyHistogram = z.infer<typeof latencyShape>;
export type ProviderStats = z.infer<typeof providerUsageShape>;
export type ModelStats = z.infer<typeof modelUsageShape>;
export type LogEntry = z.infer<typeof logEntryShape>;
export type LogPage = z.infer<typeof logPageShape>;
export type LogHistogram = z.infer<typeof logHistogramShape>;
export type LogSource = z.infer<typeof sourceShape>;
export type SystemSnapshot = z.infer<typeof systemSnapshotShape>;
export type SystemSeriesResponse = z.infer<typeof systemSeriesShape>;

export type StatusPage = z.infer<typeof statusPageShape>;
export type StatusIncident = z.infer<typeof statusIncidentShape>;

export type PromQueryData = z.infer<typeof promQueryData>;

export type ProviderHealthResponse = z.infer<typeof providerHealthShape>;
export type ProviderHealth = ProviderHealthResponse['data'][number];
