import type { Db } from '@/lib/db/connection';
import type { TailStatus } from '@/lib/ingest/tail';
import { toIso } from '@/lib/time/iso';

interface SourceRow {
  id: number;
  name: string;
  kind: 'file' | 'http';
  path: string | null;
  format: string;
  timezone: string | null;
  start_at: string;
  provisioned: number;
  lines_read: number;
  lines_accepted: number;
  lines_rejected: number;
  lines_flagged: number;
  detected_format: string | null;
  last_line_ts: number | null;
  last_ingest_at: number | null;
}

/** Every log source with what a user needs to troubleshoot "no data in my charts". */
export function listSources(db: Db, tailStatus: (name: string) => TailStatus | null) {
  const rows = db.prepare('SELECT * FROM log_sources ORDER BY name').all() as SourceRow[];
  const rejects = db.prepare('SELECT at, reason, sample FROM log_rejects WHERE source_id = ? ORDER BY id DESC LIMIT 5');
  return rows.map((r) => {
    const tail = tailStatus(r.name);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind,
      path: r.path,
      tailing: r.kind === 'file' && r.path !== null,
      provisioned: r.provisioned === 1,
      format: r.format,
      timezone: r.timezone,
      start_at: r.start_at,
      detected_format: r.detected_format,
      lines: { read: r.lines_read, accepted: r.lines_accepted, rejected: r.lines_rejected, flagged: r.lines_flagged },
      last_line_at: toIso(r.last_line_ts),
      last_ingest_at: toIso(r.last_ingest_at),
      recent_rejects: (rejects.all(r.id) as { at: number; reason: string; sample: string }[]).map((j) => ({
        ...j,
        at: toIso(j.at),
      })),
      files: (tail?.files ?? []).map((f) => ({
        path: f.path,
        state: f.state,
        size_bytes: f.size,
        offset: f.offset,
        lag_bytes: f.lagBytes,
        growth_bytes_per_s: Math.round(f.growthBytesPerSec),
        lines_read: f.linesRead,
        lines_truncated: f.linesTruncated,
        last_read_at: toIso(f.lastReadAt),
      })),
      lag_bytes: tail?.totals.lagBytes ?? 0,
      last_error: tail?.lastError ?? null,
    };
  });
}
