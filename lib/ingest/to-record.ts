import type { CompletedRequest, ProcessedLine } from '@/lib/logs';
import { templatePath } from '@/lib/logs/route-template';
import {
  FLAG_INVALID_JSON,
  FLAG_NOISE,
  FLAG_TOO_DEEP,
  FLAG_TRUNCATED,
  FLAG_TS_FALLBACK,
  type IngestRecord,
  type RequestFacts,
} from './record';

export function toRequestFacts(q: CompletedRequest): RequestFacts {
  return {
    ts: q.ts,
    status: q.status,
    durationMs: q.durationMs,
    provider: q.provider,
    model: q.model,
    inputTokens: q.inputTokens,
    outputTokens: q.outputTokens,
    rateLimited: q.rateLimited,
    method: q.method,
    route: q.path === null ? null : templatePath(q.path),
  };
}

function flagsOf(p: ProcessedLine): number {
  return (
    (p.tsFallback ? FLAG_TS_FALLBACK : 0) |
    (p.truncated ? FLAG_TRUNCATED : 0) |
    (p.noise ? FLAG_NOISE : 0) |
    (p.jsonIssue === 'invalid' ? FLAG_INVALID_JSON : 0) |
    (p.jsonIssue === 'too_deep' ? FLAG_TOO_DEEP : 0)
  );
}

/**
 * Maps a processed line to its stored row. Text lines keep the whole line as the message and JSON
 * lines keep their original text as the fields, so what is stored is exactly what was sent. A text
 * line of a known family (syslog, access log…) also keeps the fields its format defines.
 */
export function toRecord(line: string, p: ProcessedLine): IngestRecord {
  const q = p.request;
  const c = p.common;
  const requests = q ? [toRequestFacts(q)] : [];
  for (const late of p.lateRequests ?? []) requests.push(toRequestFacts(late));
  return {
    ts: p.ts,
    level: p.level,
    message: p.format === 'text' ? line : p.message,
    fieldsJson:
      p.format === 'json'
        ? p.truncated || p.wrapper
          ? JSON.stringify(p.fields)
          : line
        : p.format === 'logfmt' || p.wrapper || (p.family !== undefined && Object.keys(p.fields).length > 0)
          ? JSON.stringify(p.fields)
          : null,
    flags: flagsOf(p),
    provider: q?.provider ?? c.provider,
    model: q?.model ?? c.model,
    status: q ? q.status : c.status,
    durationMs: q ? q.durationMs : c.durationMs,
    inputTokens: q ? q.inputTokens : c.inputTokens,
    outputTokens: q ? q.outputTokens : c.outputTokens,
    requestId: q?.requestId ?? c.requestId,
    isRequest: !!q,
    requests,
  };
}
