import type { Db } from '@/lib/db/connection';
import type { OtlpOutcome } from './ingest-logs';
import { storeOtlpPoints } from './metric-store';
import { metricsToPoints } from './metrics-to-points';

/** Stores an ExportMetricsServiceRequest's data points as series in one transaction; malformed input throws before. */
export function ingestOtlpMetrics(db: Db, message: Record<string, unknown>, now: number): OtlpOutcome {
  const { points, rejected, reasons } = metricsToPoints(message, now);
  storeOtlpPoints(db, points);
  return { rejected, errorMessage: reasons.join('; ') };
}
