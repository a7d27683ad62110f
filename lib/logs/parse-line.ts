import { tryParseJsonObject } from './detect';
import type { LineContext } from './formats/clock';
import { detectTextFamily } from './formats/detect-text';
import { type FamilyHit, type FamilyName, isTextFamily } from './formats/family';
import { TEXT_FAMILIES } from './formats/registry';
import { caddyRequest, structuredFamily, tracingMessage } from './formats/structured';
import { pickLevel, pickMessage, pickTime } from './json-fields';
import { looksLikeLogfmt, parseLogfmt } from './logfmt';
import { extractCommonFields } from './request-fields';
import { parseTextLine } from './text';
import { resolveTime } from './time';
import { emptyCommon, type JsonIssue, type LineFormat, type ParsedLine } from './types';

/** The pipeline truncates longer lines itself; this is the parser's own backstop with the same limit. */
export const MAX_LINE_CHARS = 256 * 1024;

export interface ParseOptions {
  /** Force one reading; `auto` (default) tries JSON object, then logfmt, then the text families, then text. */
  format?: 'auto' | LineFormat | FamilyName;
  /** The caller already cut the line. */
  truncated?: boolean;
  /** IANA zone for times written without one (default UTC). */
  timezone?: string | null;
  /** Per-source state the families keep (IIS `#Fields:`); the correlator passes its own. */
  context?: LineContext;
}

function isLineFormat(f: string): f is LineFormat {
  return f === 'json' || f === 'logfmt' || f === 'text';
}

/** Blank lines are skipped, not counted (contract: POST /api/v1/logs). Every other line is accepted. */
export function isBlankLine(line: string): boolean {
  return line.trim().length === 0;
}

function structured(
  format: LineFormat,
  fields: Record<string, unknown>,
  ctx: LineContext,
  truncated: boolean,
  jsonIssue: JsonIssue | null,
): ParsedLine {
  let ms = pickTime(fields, ctx.timezone);
  let level = pickLevel(fields);
  let message = pickMessage(fields);
  let family: FamilyName | undefined;
  // The families below are only looked for when the usual keys left a gap, so common JSON pays nothing.
  if (ms === undefined) {
    const found = structuredFamily(fields, ctx.timezone);
    if (found) {
      family = found.family;
      ms = found.time;
      level = level ?? found.level ?? null;
      if (message === '' && found.message !== undefined) message = found.message;
    }
  } else if (format === 'logfmt' && typeof fields.time === 'string' && fields.level !== undefined) family = 'logrus';
  if (message === '') {
    const tracing = tracingMessage(fields);
    if (tracing !== null) {
      message = tracing;
      family = 'rust-tracing';
    }
  }
  const common = extractCommonFields(fields, emptyCommon());
  if (typeof fields.logger === 'string') {
    const caddy = caddyRequest(fields);
    if (caddy) {
      family = 'caddy';
      Object.assign(common, caddy);
    }
  }
  const time = resolveTime(ms, ctx.receivedAt);
  const line: ParsedLine = {
    format,
    ts: time.ts,
    tsFallback: time.tsFallback,
    tsIssue: time.tsIssue,
    level,
    message,
    fields,
    common,
    truncated,
    jsonIssue,
  };
  if (family) line.family = family;
  return line;
}

function fromFamily(hit: FamilyHit, ctx: LineContext, truncated: boolean, jsonIssue: JsonIssue | null): ParsedLine {
  const time = resolveTime(hit.time, ctx.receivedAt);
  const common = emptyCommon();
  if (hit.request) Object.assign(common, hit.request);
  return {
    format: 'text',
    family: hit.family,
    ts: time.ts,
    tsFallback: time.tsFallback,
    tsIssue: time.tsIssue,
    level: hit.level,
    message: hit.message,
    fields: hit.fields,
    common,
    truncated,
    jsonIssue,
  };
}

function text(
  line: string,
  ctx: LineContext,
  truncated: boolean,
  jsonIssue: JsonIssue | null,
  pinned: FamilyName | null,
): ParsedLine {
  const family = pinned ? (TEXT_FAMILIES[pinned]?.(line, ctx) ?? null) : detectTextFamily(line, ctx);
  if (family) return fromFamily(family, ctx, truncated, jsonIssue);
  const parts = parseTextLine(line, ctx.timezone);
  const time = resolveTime(parts.time, ctx.receivedAt);
  return {
    format: 'text',
    ts: time.ts,
    tsFallback: time.tsFallback,
    tsIssue: time.tsIssue,
    level: parts.level,
    message: parts.message,
    fields: {},
    common: emptyCommon(),
    truncated,
    jsonIssue,
  };
}

/**
 * One log line → time, level, message, original fields and common request fields. Never throws:
 * invalid or too-deep JSON is read as text (with `jsonIssue`), a missing/unreadable/far-future
 * time becomes `receivedAt` (with `tsFallback`), NULs, HTML and SQL stay verbatim.
 */
export function parseLine(line: string, receivedAt: number, options: ParseOptions = {}): ParsedLine {
  let truncated = options.truncated === true;
  if (line.length > MAX_LINE_CHARS) {
    line = line.slice(0, MAX_LINE_CHARS);
    truncated = true;
  }
  const ctx = options.context ?? { receivedAt, timezone: options.timezone ?? null };
  ctx.receivedAt = receivedAt;
  const pinned = options.format !== undefined && isTextFamily(options.format) ? options.format : null;
  const requested = options.format ?? 'auto';
  // A pinned JSON/logfmt family reads like auto; a pinned text family skips JSON and logfmt.
  const format: 'auto' | LineFormat = pinned ? 'text' : isLineFormat(requested) ? requested : 'auto';
  let jsonIssue: JsonIssue | null = null;
  if (format === 'auto' || format === 'json') {
    const attempt = tryParseJsonObject(line);
    if (attempt.kind === 'object') return structured('json', attempt.fields, ctx, truncated, null);
    if (attempt.kind === 'issue') jsonIssue = attempt.issue;
    else if (format === 'json') jsonIssue = 'invalid';
  }
  if (format === 'logfmt' || (format === 'auto' && jsonIssue === null)) {
    let start = 0;
    while (start < line.length && line.charCodeAt(start) <= 32) start++;
    if (format === 'logfmt' || looksLikeLogfmt(line, start)) {
      const fields = parseLogfmt(line, format !== 'logfmt');
      if (fields) return structured('logfmt', fields, ctx, truncated, null);
    }
  }
  return text(line, ctx, truncated, jsonIssue, pinned);
}
