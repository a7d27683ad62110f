import type { Db } from '@/lib/db/connection';
import type { Detected } from '@/lib/ingest/detection-sample';
import { toIso } from '@/lib/time/iso';

interface SampleRow {
  at: number;
  line: string;
  detected: string;
}

function shapeSample(r: SampleRow) {
  const d = JSON.parse(r.detected) as Detected;
  return {
    received_at: toIso(r.at),
    line: r.line,
    format: d.format,
    family: d.family,
    wrapper: d.wrapper,
    time: toIso(d.ts),
    time_fallback: d.ts_fallback,
    time_issue: d.ts_issue,
    level: d.level,
    message: d.message,
    fields: d.fields,
  };
}

/** What detection made of a source's latest lines, and how many (and which) lines fell back to the time received. */
export function getSourceDetection(db: Db, id: number) {
  const source = db
    .prepare(
      'SELECT id, name, format, timezone, detected_format, lines_accepted, lines_ts_fallback FROM log_sources WHERE id = ?',
    )
    .get(id) as
    | {
        id: number;
        name: string;
        format: string;
        timezone: string | null;
        detected_format: string | null;
        lines_accepted: number;
        lines_ts_fallback: number;
      }
    | undefined;
  if (!source) return null;
  const samples = db.prepare(
    'SELECT at, line, detected FROM log_detection_samples WHERE source_id = ? AND kind = ? ORDER BY id DESC',
  );
  return {
    id: source.id,
    name: source.name,
    format: source.format,
    timezone: source.timezone,
    detected_format: source.detected_format,
    lines: source.lines_accepted,
    recent: (samples.all(id, 'recent') as SampleRow[]).map(shapeSample),
    time_fallback: {
      count: source.lines_ts_fallback,
      share: source.lines_accepted ? source.lines_ts_fallback / source.lines_accepted : 0,
      sample: (samples.all(id, 'fallback') as SampleRow[]).map(shapeSample),
    },
  };
}
