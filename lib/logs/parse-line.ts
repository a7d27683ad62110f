import { tryParseJsonObject } from './detect';
import { pickLevel, pickMessage, pickTime } from './json-fields';
import { looksLikeLogfmt, parseLogfmt } from './logfmt';
import { extractCommonFields } from './request-fields';
import { parseTextLine } from './text';
import { resolveTime } from './time';
import { emptyCommon, type JsonIssue, type LineFormat, type ParsedLine } from './types';

/** The pipeline truncates longer lines itself; this is the parser's own backstop with the same limit. */
export const MAX_LINE_CHARS = 256 * 1024;

export interface ParseOptions {
  /** Force one reading; `auto` (default) tries JSON object, then logfmt, then text. */
  format?: 'auto' | LineFormat;
  /** The caller already cut the line. */
  truncated?: boolean;
}

/** Blank lines are skipped, not counted (contract: POST /api/v1/logs). Every other line is accepted. */
export function isBlankLine(line: string): boolean {
  return line.trim().length === 0;
}

function structured(
  format: LineFormat,
  fields: Record<string, unknown>,
  receivedAt: number,
  truncated: boolean,
  jsonIssue: JsonIssue | null,
): ParsedLine {
  const time = resolveTime(pickTime(fields), receivedAt);
  return {
    format,
    ts: time.ts,
    tsFallback: time.tsFallback,
    tsIssue: time.tsIssue,
    level: pickLevel(fields),
    message: pickMessage(fields),
    fields,
    common: extractCommonFields(fields, emptyCommon()),
    truncated,
    jsonIssue,
  };
}

function text(line: string, receivedAt: number, truncated: boolean, jsonIssue: JsonIssue | null): ParsedLine {
  const parts = parseTextLine(line);
  const time = resolveTime(parts.time, receivedAt);
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
  const format = options.format ?? 'auto';
  let jsonIssue: JsonIssue | null = null;
  if (format === 'auto' || format === 'json') {
    const attempt = tryParseJsonObject(line);
    if (attempt.kind === 'object') return structured('json', attempt.fields, receivedAt, truncated, null);
    if (attempt.kind === 'issue') jsonIssue = attempt.issue;
    else if (format === 'json') jsonIssue = 'invalid';
  }
  if (format === 'logfmt' || (format === 'auto' && jsonIssue === null)) {
    let start = 0;
    while (start < line.length && line.charCodeAt(start) <= 32) start++;
    if (format === 'logfmt' || looksLikeLogfmt(line, start)) {
      const fields = parseLogfmt(line, format !== 'logfmt');
      if (fields) return structured('logfmt', fields, receivedAt, truncated, null);
    }
  }
  return text(line, receivedAt, truncated, jsonIssue);
}
