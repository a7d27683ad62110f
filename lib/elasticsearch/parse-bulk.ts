import { isUtf8 } from 'node:buffer';
import { MAX_LINE_CHARS } from '@/lib/ingest/split-body';
import { pickTime } from '@/lib/logs/json-fields';
import { MAX_FUTURE_MS, MIN_TIME_MS } from '@/lib/otlp/logs-to-lines';
import { EsError } from './es-error';
import { indexSourceName } from './index-source';

/** Elasticsearch's default `index.mapping.depth.limit`. */
const MAX_DEPTH = 20;
const ACTIONS = new Set(['index', 'create', 'delete', 'update']);

/** One action of a bulk: a document to store (`line`), or the per-item error Elasticsearch would answer. */
export interface BulkItem {
  op: string;
  index: string;
  /** The action's `_id`, the key a retry is recognised by; null when the client gave none. */
  id: string | null;
  source: string;
  /** The document's own time (epoch ms), undefined when it has none. */
  ms?: number;
  line?: string;
  error?: EsError;
}

const parseError = (reason: string) => new EsError(400, 'document_parsing_exception', reason);

function depthOf(v: unknown, limit: number): number {
  if (v === null || typeof v !== 'object') return 0;
  if (limit <= 0) return 1;
  let max = 0;
  for (const child of Object.values(v)) max = Math.max(max, depthOf(child, limit - 1));
  return max + 1;
}

function actionOf(bytes: Buffer, lineNo: number): { op: string; meta: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new EsError(
      400,
      'x_content_parse_exception',
      `[${lineNo}:1] malformed action/metadata line: ${(err as Error).message}`,
    );
  }
  const keys = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.keys(parsed) : [];
  const op = keys[0];
  const meta = op ? (parsed as Record<string, unknown>)[op] : undefined;
  if (keys.length !== 1 || !ACTIONS.has(op) || !meta || typeof meta !== 'object' || Array.isArray(meta))
    throw new EsError(
      400,
      'illegal_argument_exception',
      `Malformed action/metadata line [${lineNo}], expected one of index, create, delete or update with an object`,
    );
  return { op, meta: meta as Record<string, unknown> };
}

/** Checks a document line and makes it the line the pipeline stores: the document as sent, `_id` added. */
function documentOf(bytes: Buffer, item: BulkItem, now: number): void {
  if (!isUtf8(bytes)) throw parseError('failed to parse: the document is not valid UTF-8');
  const text = bytes.toString('utf8').trim();
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw parseError(`failed to parse: ${(err as Error).message}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc))
    throw parseError('failed to parse: the document is not an object');
  const fields = doc as Record<string, unknown>;
  if ('_id' in fields)
    throw parseError(
      'Field [_id] is a metadata field and cannot be added inside a document. Use the index API request parameters.',
    );
  if (depthOf(fields, MAX_DEPTH) > MAX_DEPTH)
    throw parseError(`Limit of mapping depth [${MAX_DEPTH}] has been exceeded`);
  const ms = pickTime(fields);
  if (ms === null) throw parseError('failed to parse the document time (@timestamp): not a date Lookout reads');
  if (ms !== undefined && (ms > now + MAX_FUTURE_MS || ms < MIN_TIME_MS))
    throw new EsError(
      400,
      'illegal_argument_exception',
      `the document time ${new Date(ms).toISOString()} is ${ms > now ? 'more than a day ahead' : 'before 2000'}`,
    );
  const empty = Object.keys(fields).length === 0;
  const line = item.id === null ? text : `{"_id":${JSON.stringify(item.id)}${empty ? '}' : `,${text.slice(1)}`}`;
  if (line.length > MAX_LINE_CHARS)
    throw new EsError(400, 'illegal_argument_exception', `the document is larger than ${MAX_LINE_CHARS / 1024} KiB`);
  item.ms = ms;
  item.line = line;
}

/**
 * A bulk body as items, in order. A malformed action line refuses the whole request (EsError, nothing
 * stored); a bad document, or an action Lookout does not take (delete, update), fails its item only.
 */
export function parseBulk(body: Buffer, pathIndex: string | null, now: number): BulkItem[] {
  const items: BulkItem[] = [];
  let pos = 0;
  let lineNo = 0;
  const next = (): Buffer | null => {
    while (pos < body.length) {
      const end = body.indexOf(10, pos);
      const stop = end < 0 ? body.length : end;
      const line = body.subarray(pos, stop);
      pos = stop + 1;
      lineNo++;
      if (line.toString('latin1').trim() !== '') return line;
    }
    return null;
  };
  for (let action = next(); action; action = next()) {
    const at = lineNo;
    const { op, meta } = actionOf(action, at);
    const index = typeof meta._index === 'string' && meta._index ? meta._index : pathIndex;
    if (!index)
      throw new EsError(
        400,
        'action_request_validation_exception',
        `Validation Failed: 1: index is missing (line ${at});`,
      );
    const rawId = meta._id;
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : null;
    const item: BulkItem = { op, index, id, source: indexSourceName(index) };
    items.push(item);
    if (op === 'delete') {
      item.error = new EsError(
        400,
        'illegal_argument_exception',
        'Lookout keeps logs append-only: delete is not supported',
      );
      continue;
    }
    const doc = next();
    if (!doc)
      throw new EsError(
        400,
        'illegal_argument_exception',
        `the ${op} action on line ${at} has no document line after it`,
      );
    if (op === 'update') {
      item.error = new EsError(
        400,
        'illegal_argument_exception',
        'Lookout keeps logs append-only: update is not supported',
      );
      continue;
    }
    if (id !== null && (id === '' || Buffer.byteLength(id) > 512)) {
      item.error = new EsError(400, 'illegal_argument_exception', 'an _id is 1 to 512 bytes long');
      continue;
    }
    try {
      documentOf(doc, item, now);
    } catch (err) {
      if (!(err instanceof EsError)) throw err;
      item.error = err;
    }
  }
  return items;
}
