import { MAX_LINE_CHARS } from '@/lib/ingest/split-body';
import { quickAttributes, quickNanosToMs, quickValue, SLOW } from './quick-values';
import { sourceNameOf } from './source-name';
import { anyValue, attributes, int64, list, nanosToMs, object, RecordRejected, text, traceId } from './values';

/** Records more than this far ahead of Lookout's clock are refused: a clock or unit error upstream. */
export const MAX_FUTURE_MS = 24 * 3_600_000;
/** Records before 2000 are refused: a time in seconds or milliseconds where nanoseconds belong. */
export const MIN_TIME_MS = Date.UTC(2000, 0, 1);

const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** The keys a line is built with; an attribute of the same name is kept under `attributes.<name>`. */
const RESERVED = new Set(['time', 'level', 'msg', 'body', 'trace_id', 'span_id', 'severity_text', 'severity_number']);

export interface OtlpLines {
  /** One JSON line per accepted record, by source name. */
  bySource: Map<string, string[]>;
  rejected: number;
  /** The first few reasons, for partial_success.error_message. */
  reasons: string[];
}

/** OTLP SeverityNumber 1–24 in six bands of four, TRACE to FATAL. */
function levelOf(severityNumber: number, severityText: string): string | undefined {
  if (severityNumber >= 1 && severityNumber <= 24) return LEVELS[Math.floor((severityNumber - 1) / 4)];
  return severityText || undefined;
}

function putAll(line: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(from)) line[RESERVED.has(k) ? `attributes.${k}` : k] = v;
}

/** `time` from the record's time, else its observed time, else now; the quick read first, as for every field. */
function timeOf(rec: Record<string, unknown>, path: () => string, now: number): number {
  for (const key of ['timeUnixNano', 'observedTimeUnixNano'] as const) {
    const quick = quickNanosToMs(rec[key]);
    const ms = quick === SLOW ? nanosToMs(rec[key], `${path()}.${key}`) : quick;
    if (ms !== null) return ms;
  }
  return now;
}

const optionalText = (v: unknown, where: () => string) =>
  v === undefined || typeof v === 'string' ? (v ?? '') : text(v, where());

// Paths name a field in an error; they are built only when one is thrown, never for good records.
function toLine(
  rec: Record<string, unknown>,
  path: () => string,
  context: Record<string, unknown>,
  base64Ids: boolean,
  now: number,
): string {
  const ms = timeOf(rec, path, now);
  if (ms > now + MAX_FUTURE_MS)
    throw new RecordRejected(`${path()}: time ${new Date(ms).toISOString()} is more than a day ahead`);
  if (ms < MIN_TIME_MS) throw new RecordRejected(`${path()}: time ${ms} ms is before 2000 (not nanoseconds?)`);
  const severityNumber = Number.isSafeInteger(rec.severityNumber)
    ? (rec.severityNumber as number)
    : Number(int64(rec.severityNumber, `${path()}.severityNumber`));
  const severityText = optionalText(rec.severityText, () => `${path()}.severityText`);
  const quickBody = rec.body === undefined ? null : quickValue(rec.body);
  const body = quickBody === SLOW ? anyValue(rec.body, `${path()}.body`) : quickBody;
  const line: Record<string, unknown> = { ...context };
  const quickAttrs = quickAttributes(rec.attributes);
  putAll(line, quickAttrs === SLOW ? attributes(rec.attributes, `${path()}.attributes`) : quickAttrs);
  const eventName = optionalText(rec.eventName, () => `${path()}.eventName`);
  if (eventName) line['event.name'] = eventName;
  line.time = new Date(ms).toISOString();
  const level = levelOf(severityNumber, severityText);
  if (level !== undefined) line.level = level;
  if (severityText) line.severity_text = severityText;
  if (severityNumber) line.severity_number = severityNumber;
  // A structured body keeps its structure under `body`; the message is its JSON, searchable as text.
  if (body !== null && typeof body === 'object') line.body = body;
  line.msg = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const trace =
    rec.traceId === undefined || rec.traceId === '' ? null : traceId(rec.traceId, `${path()}.traceId`, base64Ids);
  const span =
    rec.spanId === undefined || rec.spanId === '' ? null : traceId(rec.spanId, `${path()}.spanId`, base64Ids);
  if (trace) line.trace_id = trace;
  if (span) line.span_id = span;
  const json = JSON.stringify(line);
  if (json.length > MAX_LINE_CHARS)
    throw new RecordRejected(`${path()} is larger than ${MAX_LINE_CHARS / 1024} KiB as a line`);
  return json;
}

/**
 * An ExportLogsServiceRequest as JSON lines for the ingest pipeline, one source per `service.name`.
 * A malformed message throws OtlpError (400, nothing stored); a record Lookout cannot store is counted
 * as rejected and the rest go on.
 */
export function logsToLines(message: Record<string, unknown>, base64Ids: boolean, now: number): OtlpLines {
  const bySource = new Map<string, string[]>();
  const reasons: string[] = [];
  let rejected = 0;
  for (const [i, rl] of list(message.resourceLogs, 'resourceLogs').entries()) {
    const rPath = `resourceLogs[${i}]`;
    const resource = attributes(object(rl.resource, `${rPath}.resource`)?.attributes, `${rPath}.resource.attributes`);
    const source = sourceNameOf(resource);
    let lines = bySource.get(source);
    for (const [j, sl] of list(rl.scopeLogs, `${rPath}.scopeLogs`).entries()) {
      const sPath = `${rPath}.scopeLogs[${j}]`;
      const scope = object(sl.scope, `${sPath}.scope`);
      const context: Record<string, unknown> = {};
      putAll(context, resource);
      const scopeName = text(scope?.name, `${sPath}.scope.name`);
      const scopeVersion = text(scope?.version, `${sPath}.scope.version`);
      if (scopeName) context['otel.scope.name'] = scopeName;
      if (scopeVersion) context['otel.scope.version'] = scopeVersion;
      const records = list(sl.logRecords, `${sPath}.logRecords`);
      for (let k = 0; k < records.length; k++) {
        try {
          const line = toLine(records[k], () => `${sPath}.logRecords[${k}]`, context, base64Ids, now);
          if (!lines) bySource.set(source, (lines = []));
          lines.push(line);
        } catch (err) {
          if (!(err instanceof RecordRejected)) throw err;
          rejected++;
          if (reasons.length < 5) reasons.push(err.message);
        }
      }
    }
  }
  return { bySource, rejected, reasons };
}
