import type { Ingest } from '@/lib/ingest/ingest';
import { logsToLines } from './logs-to-lines';

/** OTLP's partial success: how many records were refused and the first reasons. */
export interface OtlpOutcome {
  rejected: number;
  errorMessage: string;
}

/**
 * Stores an ExportLogsServiceRequest through the same pipeline as `POST /api/v1/logs`: one commit per
 * source (`service.name`), resolved after the last one. Malformed input throws before anything is stored.
 */
export async function ingestOtlpLogs(
  ingest: Ingest,
  message: Record<string, unknown>,
  base64Ids: boolean,
  now: number,
): Promise<OtlpOutcome> {
  const { bySource, rejected, reasons } = logsToLines(message, base64Ids, now);
  for (const [source, lines] of bySource)
    await ingest.ingestLines(
      source,
      lines.map((text) => ({ text, truncated: false })),
      [],
    );
  return { rejected, errorMessage: reasons.join('; ') };
}
