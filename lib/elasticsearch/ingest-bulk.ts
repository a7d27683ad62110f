import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/connection';
import type { Ingest } from '@/lib/ingest/ingest';
import type { InputLine } from '@/lib/ingest/source-pipeline';
import { findStoredDocIds } from '@/lib/queries/find-stored-doc-ids';
import type { BulkItem } from './parse-bulk';

type ItemAnswer = Record<string, Record<string, unknown>>;

// Bulks that carry ids take turns, so a retry racing its own first attempt is still recognised.
let turn: Promise<unknown> = Promise.resolve();

function answer(item: BulkItem, id: string, status: number, extra: Record<string, unknown>): ItemAnswer {
  return { [item.op]: { _index: item.index, _id: id, status, ...extra } };
}

const stored = { _version: 1, _shards: { total: 1, successful: 1, failed: 0 }, _seq_no: 0, _primary_term: 1 };

/** Which items repeat a document already stored, or one earlier in the same bulk. */
function duplicatesOf(readDb: Db, items: BulkItem[]): Set<BulkItem> {
  const dup = new Set<BulkItem>();
  const bySource = new Map<string, { ms: number; id: string }[]>();
  const seen = new Set<string>();
  for (const it of items) {
    if (it.error || it.id === null) continue;
    const key = `${it.source}\0${it.ms ?? ''}:${it.id}`;
    if (seen.has(key)) dup.add(it);
    seen.add(key);
    if (it.ms === undefined) continue;
    let docs = bySource.get(it.source);
    if (!docs) bySource.set(it.source, (docs = []));
    docs.push({ ms: it.ms, id: it.id });
  }
  for (const [source, docs] of bySource) {
    const found = findStoredDocIds(readDb, source, docs);
    if (!found.size) continue;
    for (const it of items) if (it.source === source && !it.error && found.has(`${it.ms}:${it.id}`)) dup.add(it);
  }
  return dup;
}

async function store(ingest: Ingest, readDb: Db, items: BulkItem[]): Promise<ItemAnswer[]> {
  const dup = duplicatesOf(readDb, items);
  const bySource = new Map<string, InputLine[]>();
  for (const it of items) {
    if (it.error || it.line === undefined || dup.has(it)) continue;
    let lines = bySource.get(it.source);
    if (!lines) bySource.set(it.source, (lines = []));
    lines.push({ text: it.line, truncated: false });
  }
  for (const [source, lines] of bySource) await ingest.ingestLines(source, lines, []);
  return items.map((it) => {
    const id = it.id ?? randomBytes(15).toString('base64url');
    if (it.error)
      return answer(it, id, it.error.status, {
        error: { type: it.error.type, reason: it.error.message, index: it.index },
      });
    if (!dup.has(it)) return answer(it, id, 201, { ...stored, result: 'created' });
    // Lookout keeps the first copy: `create` conflicts as in Elasticsearch, `index` stores nothing new.
    if (it.op === 'create')
      return answer(it, id, 409, {
        error: {
          type: 'version_conflict_engine_exception',
          reason: `[${id}]: version conflict, document already exists (current version [1])`,
          index: it.index,
        },
      });
    return answer(it, id, 200, { ...stored, result: 'noop' });
  });
}

/**
 * Stores a parsed bulk through the same pipeline as `POST /api/v1/logs` (one commit per source, the
 * answer after the last) and answers Elasticsearch's per-item results in the request's order.
 */
export async function ingestBulk(
  ingest: Ingest,
  readDb: Db,
  items: BulkItem[],
  started: number,
): Promise<{ took: number; errors: boolean; items: ItemAnswer[] }> {
  const run = () => store(ingest, readDb, items);
  const answers = items.some((it) => it.id !== null) ? await (turn = turn.then(run, run)) : await run();
  const errors = answers.some((a) => (Object.values(a)[0].status as number) >= 300);
  return { took: Math.max(0, Date.now() - started), errors, items: answers };
}
