import type { Ingest } from '@/lib/ingest/ingest';
import { pushToLines } from './push-to-lines';

/** Stores a decoded push, one commit per source; returns Loki's message for entries it refused, or null. */
export async function ingestLokiPush(
  ingest: Ingest,
  decoded: { json: unknown } | { proto: Record<string, unknown> },
  now: number,
): Promise<string | null> {
  const { bySource, refused, refusedCount } = pushToLines(decoded, now);
  for (const [source, lines] of bySource) await ingest.ingestLines(source, lines, []);
  if (!refusedCount) return null;
  return `${refusedCount} entries refused, the rest stored: ${refused.join('; ')}`;
}
