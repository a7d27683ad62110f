import type { InputLine } from '@/lib/ingest/source-pipeline';
import { MAX_LINE_CHARS } from '@/lib/ingest/split-body';
import { MAX_FUTURE_MS, MIN_TIME_MS } from '@/lib/otlp/logs-to-lines';
import { parseLabels } from './labels';

/** A push Loki would refuse as a whole: answered 400 (or 413, 415) with `message` as text; nothing stored. */
export class LokiError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface LokiLines {
  bySource: Map<string, InputLine[]>;
  /** Entries refused one by one (times out of bounds), as Loki reports them after storing the rest. */
  refused: string[];
  refusedCount: number;
}

/** A stream's source: `job`, else `service_name`, else `unknown_service` (characters a source cannot hold as `_`). */
export function lokiSourceName(labels: Record<string, string>): string {
  const raw = labels.job || labels.service_name || '';
  return raw.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100) || 'unknown_service';
}

const bad = (what: string) => new LokiError(400, what);

function hasKeys(o: Record<string, string>): boolean {
  for (const _ in o) return true;
  return false;
}

interface Entry {
  /** The entry's time in epoch ms (nanoseconds divided down, rounded toward zero as BigInt division does). */
  ms: number;
  line: string;
  metadata: Record<string, string>;
}

/** Milliseconds of a decimal nanosecond count: its digits but the last six, which is what dividing gives. */
function msOfNs(v: unknown, where: string): number {
  if (typeof v === 'string' && /^\d{1,20}$/.test(v))
    return v.length <= 18 ? Number(v.slice(0, -6) || '0') : Number(BigInt(v) / 1_000_000n);
  throw bad(`${where}: the timestamp must be a string of Unix nanoseconds`);
}

/** A protobuf Timestamp in epoch ms; seconds and nanos in their usual ranges without BigInt. */
function msOfTimestamp(seconds: string, nanos: number): number {
  if (/^\d{1,12}$/.test(seconds) && Number.isInteger(nanos) && nanos >= 0 && nanos < 1_000_000_000)
    return Number(seconds) * 1000 + Math.floor(nanos / 1_000_000);
  return Number((BigInt(seconds) * 1_000_000_000n + BigInt(nanos)) / 1_000_000n);
}

/** Loki's JSON push: `{"streams":[{"stream":{labels},"values":[["<ns>","line",{metadata}?]]}]}`. */
function fromJson(body: unknown): { labels: Record<string, string>; entries: Entry[] }[] {
  const streams = (body as { streams?: unknown } | null)?.streams;
  if (!Array.isArray(streams)) throw bad('the body has no "streams" array');
  return streams.map((st: unknown, i) => {
    const { stream, values } = (st ?? {}) as { stream?: unknown; values?: unknown };
    if (stream === null || typeof stream !== 'object' || Array.isArray(stream))
      throw bad(`streams[${i}].stream must be an object of labels`);
    for (const v of Object.values(stream))
      if (typeof v !== 'string') throw bad(`streams[${i}].stream: label values are strings`);
    if (!Array.isArray(values)) throw bad(`streams[${i}].values must be an array`);
    const entries = values.map((e: unknown, j) => {
      const where = `streams[${i}].values[${j}]`;
      if (!Array.isArray(e) || e.length < 2 || typeof e[1] !== 'string')
        throw bad(`${where} must be ["<unix ns>", "line"] with optional metadata`);
      const meta = e[2] ?? {};
      if (typeof meta !== 'object' || Array.isArray(meta) || Object.values(meta).some((v) => typeof v !== 'string'))
        throw bad(`${where}[2]: structured metadata is an object of strings`);
      return { ms: msOfNs(e[0], where), line: e[1], metadata: meta as Record<string, string> };
    });
    return { labels: stream as Record<string, string>, entries };
  });
}

/** The decoded protobuf push: labels as a selector string, timestamps as seconds and nanos. */
function fromProto(message: Record<string, unknown>): { labels: Record<string, string>; entries: Entry[] }[] {
  const streams = (message.streams ?? []) as { labels?: string; entries?: Record<string, unknown>[] }[];
  return streams.map((st, i) => {
    const labels = parseLabels(st.labels ?? '');
    if (!labels)
      throw bad(`streams[${i}].labels: ${JSON.stringify(st.labels ?? '')} is not a label set like {job="app"}`);
    const entries = (st.entries ?? []).map((e) => {
      const ts = (e.timestamp ?? {}) as { seconds?: string; nanos?: number };
      const metadata = Object.fromEntries(
        ((e.structuredMetadata ?? []) as { name?: string; value?: string }[]).map((p) => [p.name ?? '', p.value ?? '']),
      );
      return {
        ms: msOfTimestamp(ts.seconds ?? '0', ts.nanos ?? 0),
        line: String(e.line ?? ''),
        metadata,
      };
    });
    return { labels, entries };
  });
}

/**
 * A Loki push as lines for the ingest pipeline: each entry keeps its line as sent, with the stream's
 * labels and its structured metadata as fields and its timestamp as the time when the line has none.
 */
export function pushToLines(decoded: { json: unknown } | { proto: Record<string, unknown> }, now: number): LokiLines {
  const streams = 'json' in decoded ? fromJson(decoded.json) : fromProto(decoded.proto);
  const out: LokiLines = { bySource: new Map(), refused: [], refusedCount: 0 };
  for (const { labels, entries } of streams) {
    const source = lokiSourceName(labels);
    // Lines without metadata of their own share one labels object: it crosses to the ingestion thread once.
    const shared = { ...labels };
    for (const e of entries) {
      const ms = e.ms;
      if (ms > now + MAX_FUTURE_MS || ms < MIN_TIME_MS) {
        out.refusedCount++;
        if (out.refused.length < 5)
          out.refused.push(
            `entry for stream '${JSON.stringify(labels)}' has timestamp ${ms > now ? 'too new' : 'too old'}: ${new Date(ms).toISOString()}`,
          );
        continue;
      }
      let lines = out.bySource.get(source);
      if (!lines) out.bySource.set(source, (lines = []));
      const text = e.line;
      lines.push({
        text: text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text,
        truncated: text.length > MAX_LINE_CHARS,
        wrapper: { kind: 'loki', time: ms, labels: hasKeys(e.metadata) ? { ...labels, ...e.metadata } : shared },
      });
    }
  }
  return out;
}
