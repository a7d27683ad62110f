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

/** A scope's context (resource attributes, scope name and version) and its JSON without the closing brace. */
interface Context {
  fields: Record<string, unknown>;
  /** `{"service.name":"app"` — every line of the scope starts with it. */
  prefix: string;
}

function contextOf(fields: Record<string, unknown>): Context {
  const json = JSON.stringify(fields);
  return { fields, prefix: json.slice(0, -1) };
}

const isIndexLike = (k: string) => k.length > 0 && k.charCodeAt(0) >= 48 && k.charCodeAt(0) <= 57;

/**
 * The line as text without building it as an object first, when that gives the same JSON as the object:
 * attribute keys that do not meet a context key or each other once renamed, and no integer-like key (an
 * object would move it first). Otherwise null, and the line is built as an object.
 */
function quickLine(context: Context, attrs: Record<string, unknown>, eventName: string, tail: string): string | null {
  const ctx = context.fields;
  if (eventName && Object.hasOwn(ctx, 'event.name')) return null;
  let out = context.prefix;
  let first = out.length === 1;
  for (const k of Object.keys(attrs)) {
    const key = RESERVED.has(k) ? `attributes.${k}` : k;
    if (isIndexLike(k) || Object.hasOwn(ctx, key) || (key !== k && Object.hasOwn(attrs, key))) return null;
    if (eventName && key === 'event.name') return null;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${JSON.stringify(attrs[k])}`;
    first = false;
  }
  if (eventName) {
    out += `${first ? '' : ','}"event.name":${JSON.stringify(eventName)}`;
    first = false;
  }
  return `${out}${first ? tail.slice(1) : tail}}`;
}

// Paths name a field in an error; they are built only when one is thrown, never for good records.
function toLine(
  rec: Record<string, unknown>,
  path: () => string,
  context: Context,
  base64Ids: boolean,
  now: number,
  quick: boolean,
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
  const quickAttrs = quickAttributes(rec.attributes);
  const attrs = quickAttrs === SLOW ? attributes(rec.attributes, `${path()}.attributes`) : quickAttrs;
  const eventName = optionalText(rec.eventName, () => `${path()}.eventName`);
  const time = new Date(ms).toISOString();
  const level = levelOf(severityNumber, severityText);
  const msg = body === null ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  const trace =
    rec.traceId === undefined || rec.traceId === '' ? null : traceId(rec.traceId, `${path()}.traceId`, base64Ids);
  const span =
    rec.spanId === undefined || rec.spanId === '' ? null : traceId(rec.spanId, `${path()}.spanId`, base64Ids);
  let json: string | null = null;
  if (quick && (body === null || typeof body !== 'object')) {
    // The keys after the attributes, in the order the object below gets them.
    let tail = `,"time":"${time}"`;
    if (level !== undefined) tail += `,"level":${JSON.stringify(level)}`;
    if (severityText) tail += `,"severity_text":${JSON.stringify(severityText)}`;
    if (severityNumber) tail += `,"severity_number":${JSON.stringify(severityNumber)}`;
    tail += `,"msg":${JSON.stringify(msg)}`;
    if (trace) tail += `,"trace_id":"${trace}"`;
    if (span) tail += `,"span_id":"${span}"`;
    json = quickLine(context, attrs, eventName, tail);
  }
  if (json === null) {
    const line: Record<string, unknown> = { ...context.fields };
    putAll(line, attrs);
    if (eventName) line['event.name'] = eventName;
    line.time = time;
    if (level !== undefined) line.level = level;
    if (severityText) line.severity_text = severityText;
    if (severityNumber) line.severity_number = severityNumber;
    // A structured body keeps its structure under `body`; the message is its JSON, searchable as text.
    if (body !== null && typeof body === 'object') line.body = body;
    line.msg = msg;
    if (trace) line.trace_id = trace;
    if (span) line.span_id = span;
    json = JSON.stringify(line);
  }
  if (json.length > MAX_LINE_CHARS)
    throw new RecordRejected(`${path()} is larger than ${MAX_LINE_CHARS / 1024} KiB as a line`);
  return json;
}

/**
 * An ExportLogsServiceRequest as JSON lines for the ingest pipeline, one source per `service.name`.
 * A malformed message throws OtlpError (400, nothing stored); a record Lookout cannot store is counted
 * as rejected and the rest go on.
 */
export function logsToLines(
  message: Record<string, unknown>,
  base64Ids: boolean,
  now: number,
  { quick = true }: { quick?: boolean } = {},
): OtlpLines {
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
      const fields: Record<string, unknown> = {};
      putAll(fields, resource);
      const scopeName = text(scope?.name, `${sPath}.scope.name`);
      const scopeVersion = text(scope?.version, `${sPath}.scope.version`);
      if (scopeName) fields['otel.scope.name'] = scopeName;
      if (scopeVersion) fields['otel.scope.version'] = scopeVersion;
      const context = contextOf(fields);
      const records = list(sl.logRecords, `${sPath}.logRecords`);
      for (let k = 0; k < records.length; k++) {
        try {
          const line = toLine(records[k], () => `${sPath}.logRecords[${k}]`, context, base64Ids, now, quick);
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
