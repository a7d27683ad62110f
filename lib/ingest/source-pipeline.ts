import type { Db } from '@/lib/db/connection';
import { type Attribution, createAttributor } from '@/lib/llm/attribution';
import type { AttributionMapping } from '@/lib/llm/attribution-schema';
import { rawTokenIssue } from '@/lib/llm/raw-tokens';
import { redactKeys } from '@/lib/llm/redact-keys';
import type { CompletedRequest } from '@/lib/logs';
import { compileExtractionRules, type ExtractionRule, isBlankLine, LogCorrelator, type SourceFormat } from '@/lib/logs';
import type { WrapperFacts } from '@/lib/logs/unwrap';
import { type DetectionSample, detectionSample, SAMPLES_KEPT } from './detection-sample';
import type { LogBatch } from './log-writer';
import type { IngestRecord, Rejection, RequestFacts } from './record';
import { toRecord, toRequestFacts } from './to-record';

export interface SourceRow {
  id: number;
  name: string;
  kind: 'file' | 'http';
  path: string | null;
  format: SourceFormat;
  timezone: string | null;
  start_at: 'beginning' | 'end';
  extract: string;
  parser_state: string | null;
  /** JSON attribution mapping (lib/llm/attribution.ts), null for the defaults. */
  attribution?: string | null;
}

export interface InputLine {
  text: string;
  truncated: boolean;
  wrapper?: WrapperFacts;
}

/**
 * One source's parsing state. `prepare` turns lines into a batch; the caller commits it, and on a
 * failed commit calls `rollback` so the correlation state matches what is stored again.
 */
export class SourcePipeline {
  private correlator: LogCorrelator;
  private committedState: string;
  private readonly options: ConstructorParameters<typeof LogCorrelator>[0];
  private readonly attribute: (fields: Record<string, unknown>) => Attribution;

  constructor(readonly source: SourceRow) {
    this.options = {
      format: source.format,
      timezone: source.timezone,
      rules: compileExtractionRules(JSON.parse(source.extract) as ExtractionRule[]),
    };
    this.correlator = LogCorrelator.fromJSON(
      source.parser_state ? JSON.parse(source.parser_state) : null,
      this.options,
    ).correlator;
    this.committedState = JSON.stringify(this.correlator.toJSON());
    this.attribute = createAttributor(
      source.attribution ? (JSON.parse(source.attribution) as AttributionMapping) : null,
    );
  }

  /** Who sent the request and whether its raw token counts were usable, from its client line's fields. */
  private label(q: RequestFacts, from: CompletedRequest | undefined): RequestFacts {
    if (!from?.attrs) return q;
    const a = this.attribute(from.attrs);
    if (a.client !== null) q.client = a.client;
    if (a.user !== null) q.user = a.user;
    const issue = rawTokenIssue(from.attrs);
    if (issue !== null) q.tokenIssue = issue;
    return q;
  }

  prepare(lines: InputLine[], receivedAt: number, refused: Rejection[] = []): LogBatch {
    const records: IngestRecord[] = [];
    // Keys are hashed before parsing, so no stored field, search index, sample or parser state holds one.
    const rejects = refused.map((r) => ({ ...r, sample: redactKeys(r.sample) }));
    let read = rejects.length;
    let format: string | undefined;
    const recent: DetectionSample[] = [];
    const fallback: DetectionSample[] = [];
    const sampleFrom = lines.length - 2 * SAMPLES_KEPT;
    for (let i = 0; i < lines.length; i++) {
      const text = redactKeys(lines[i].text);
      const line = text === lines[i].text ? lines[i] : { ...lines[i], text };
      if (isBlankLine(line.text)) continue;
      read++;
      const p = this.correlator.process(line.text, receivedAt, { truncated: line.truncated, wrapper: line.wrapper });
      format = p.ccproxy ? `ccproxy-${p.ccproxy}` : (p.family ?? p.format);
      const record = toRecord(line.text, p);
      if (record.requests.length > 0) {
        const completed = p.request ? [p.request, ...(p.lateRequests ?? [])] : (p.lateRequests ?? []);
        record.requests.forEach((q, k) => this.label(q, completed[k]));
      }
      records.push(record);
      // Samples are only built for lines that could be kept: the batch's last ones and its first fallbacks.
      if (i >= sampleFrom) recent.push(detectionSample('recent', line.text, p));
      if (p.tsFallback && fallback.length < SAMPLES_KEPT) fallback.push(detectionSample('fallback', line.text, p));
    }
    return {
      sourceId: this.source.id,
      records,
      rejects,
      linesRead: read,
      parserState: this.snapshot(),
      detectedFormat: format,
      receivedAt,
      extraRequests: [],
      samples: [...recent.slice(-SAMPLES_KEPT), ...fallback],
    };
  }

  /** Requests a quiet source completes by time alone (CCProxy v0's fallback rule). */
  tick(now: number): LogBatch | null {
    const late: RequestFacts[] = this.correlator.tick(now).map((q) => this.label(toRequestFacts(q), q));
    if (late.length === 0) return null;
    return {
      sourceId: this.source.id,
      records: [],
      rejects: [],
      linesRead: 0,
      parserState: this.snapshot(),
      receivedAt: now,
      extraRequests: late,
    };
  }

  committed(batch: LogBatch): void {
    if (batch.parserState) this.committedState = batch.parserState;
  }

  rollback(): void {
    this.correlator = LogCorrelator.fromJSON(JSON.parse(this.committedState), this.options).correlator;
  }

  private snapshot(): string {
    return JSON.stringify(this.correlator.toJSON());
  }
}

export function loadSource(db: Db, name: string): SourceRow | undefined {
  return db
    .prepare(
      'SELECT id, name, kind, path, format, timezone, start_at, extract, parser_state, attribution FROM log_sources WHERE name = ?',
    )
    .get(name) as SourceRow | undefined;
}
