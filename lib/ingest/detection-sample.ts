import type { ProcessedLine } from '@/lib/logs';

/** What detection made of one line, as the Detection section of /settings shows it (docs/logs.md#detection). */
export interface Detected {
  format: string;
  family: string | null;
  wrapper: string | null;
  ts: number;
  ts_fallback: boolean;
  ts_issue: string | null;
  level: string | null;
  message: string;
  fields: Record<string, unknown>;
}

export interface DetectionSample {
  kind: 'recent' | 'fallback';
  line: string;
  detected: Detected;
}

export const SAMPLES_KEPT = 20;
const MAX_CHARS = 2_000;

const cut = (s: string) => (s.length > MAX_CHARS ? `${s.slice(0, MAX_CHARS)}…` : s);

function cutFields(fields: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(fields);
  return json.length > MAX_CHARS * 2 ? { _truncated: cut(json) } : fields;
}

export function detectionSample(kind: DetectionSample['kind'], line: string, p: ProcessedLine): DetectionSample {
  return {
    kind,
    line: cut(line),
    detected: {
      format: p.ccproxy ? `ccproxy-${p.ccproxy}` : p.format,
      family: p.family ?? null,
      wrapper: p.wrapper ?? null,
      ts: p.ts,
      ts_fallback: p.tsFallback,
      ts_issue: p.tsIssue,
      level: p.level,
      message: cut(p.message),
      fields: cutFields(p.fields),
    },
  };
}
