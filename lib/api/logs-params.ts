import { parseQuery } from '@/lib/search/parse-query';
import { decodeCursor } from '@/lib/queries/search-logs';
import { badRequest } from './errors';
import { parseLimit, parseRange } from './params';
import { parseEnum } from './stats-params';
import { LOG_LEVELS, passes, textParam } from './query-schemas';

/** `GET /api/v1/logs` parameters: range, q, source, level, limit, cursor. */
export function parseLogSearch(params: URLSearchParams, now: number) {
  const { from, to } = parseRange(params, now);
  const parsed = parseQuery(params.get('q') ?? '');
  if (!parsed.ok) throw badRequest('invalid_parameter', parsed.error);
  const rawCursor = params.get('cursor');
  const cursor = rawCursor ? decodeCursor(rawCursor) : null;
  if (rawCursor && !cursor) throw badRequest('invalid_parameter', 'cursor: not a cursor from a previous answer; drop it to start from the newest line.');
  const source = params.get('source') || undefined;
  if (source && !passes(textParam, source)) throw badRequest('invalid_parameter', 'source: not a source name.');
  const level = params.get('level') ? parseEnum(params, 'level', LOG_LEVELS, 'info') : undefined;
  return { from, to, terms: parsed.terms, cursor, source, level, limit: parseLimit(params, 100, 1_000) };
}
