import type { Lookout } from '@/lib/engine/context';
import type { Rejection } from '@/lib/ingest/record';

export { ccproxyLines } from '../e2e/ccproxy-lines';

/** Ingests NDJSON text the way POST /api/v1/logs does, committed before it returns. */
export function ingestLines(lookout: Lookout, source: string, body: string) {
  const rejects: Rejection[] = [];
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  return lookout.ingest.ingestLines(
    source,
    lines.map((text) => ({ text, truncated: false })),
    rejects,
  );
}
