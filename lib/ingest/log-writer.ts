import { BulkInsert } from '@/lib/db/bulk-insert';
import type { Db } from '@/lib/db/connection';
import { storageFault } from '@/lib/db/storage-fault';
import type { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import { createCostRollupWriter } from './cost-rollups';
import { type DetectionSample, SAMPLES_KEPT } from './detection-sample';
import { createFieldRollupWriter } from './field-rollups';
import { indexInline } from './fts-index';
import { createRollupWriter, LogRollupBuffer } from './log-rollups';
import { FLAG_TS_FALLBACK, type IngestRecord, type Rejection, type RequestFacts } from './record';
import { RouteCap } from './route-cap';
import { createRouteRollupWriter, RouteRollupBuffer } from './route-rollups';
import type { FilePosition } from './tail';
import { createTokenRollupWriter, TokenRollupBuffer } from './token-rollups';

export interface LogBatch {
  sourceId: number;
  records: IngestRecord[];
  rejects: Rejection[];
  /** Lines read, blank ones excluded: accepted + rejected. */
  linesRead: number;
  positions?: FilePosition[];
  forget?: FilePosition[];
  /** The parser's correlation state after this batch, so a restart resumes mid-request. */
  parserState?: string;
  detectedFormat?: string;
  receivedAt: number;
  /** Requests completed without a line of their own (CCProxy v0's time-based fallback). */
  extraRequests?: RequestFacts[];
  /** What detection made of some of the lines, for /settings (the newest 20 of each kind are kept). */
  samples?: DetectionSample[];
}

const KEEP_REJECTS = 50;

/**
 * Writes a batch — rows, full-text index, rollups, counters, positions, parser state — in one transaction.
 * A batch refused for lack of space is left on `faults` for the storage guard (docs/operations.md#full-disk).
 */
export function createLogWriter(db: Db, faults?: StorageFaultMark): (batch: LogBatch) => void {
  const write = createTransaction(db);
  return (batch) => {
    try {
      write(batch);
    } catch (err) {
      const reason = storageFault(err);
      if (reason) faults?.fault(reason);
      throw err;
    }
  };
}

function createTransaction(db: Db): (batch: LogBatch) => void {
  const logs = new BulkInsert(
    db,
    `INSERT INTO logs (id, source_id, ts, level, message, provider, model, status, duration_ms, input_tokens, output_tokens, request_id, is_request, flags, fields)`,
    15,
  );
  const requests = new BulkInsert(
    db,
    'INSERT INTO requests (source_id, ts, status, duration_ms, provider, model, input_tokens, output_tokens, rate_limited, method, route)',
    11,
  );
  const fts = new BulkInsert(db, 'INSERT INTO logs_fts (rowid, message)', 2);
  const writeRollups = createRollupWriter(db);
  const writeRoutes = createRouteRollupWriter(db);
  const writeTokens = createTokenRollupWriter(db);
  const writeFields = createFieldRollupWriter(db);
  const costWriter = createCostRollupWriter(db);
  const routeCap = new RouteCap(db);
  // Never below the index mark, so an id the index has passed is never given out again.
  const lastId = db
    .prepare(
      `SELECT max(COALESCE((SELECT MAX(id) FROM logs), 0), (SELECT value FROM meta WHERE key = 'fts_indexed_id'))`,
    )
    .pluck();
  const insertReject = db.prepare('INSERT INTO log_rejects (source_id, at, reason, sample) VALUES (?, ?, ?, ?)');
  const trimRejects = db.prepare(
    'DELETE FROM log_rejects WHERE source_id = ? AND id <= (SELECT id FROM log_rejects WHERE source_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
  );
  const upsertPosition = db.prepare(
    `INSERT INTO log_positions (source_id, dev, ino, path, fingerprint, offset, size) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (source_id, dev, ino) DO UPDATE SET path = excluded.path, fingerprint = excluded.fingerprint, offset = excluded.offset, size = excluded.size`,
  );
  const insertSample = db.prepare(
    'INSERT INTO log_detection_samples (source_id, kind, at, line, detected) VALUES (?, ?, ?, ?, ?)',
  );
  const trimSamples = db.prepare(
    'DELETE FROM log_detection_samples WHERE source_id = ? AND kind = ? AND id <= (SELECT id FROM log_detection_samples WHERE source_id = ? AND kind = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
  );
  const deletePosition = db.prepare('DELETE FROM log_positions WHERE source_id = ? AND dev = ? AND ino = ?');
  const updateSource = db.prepare(
    `UPDATE log_sources SET lines_read = lines_read + @read, lines_accepted = lines_accepted + @accepted,
       lines_rejected = lines_rejected + @rejected, lines_flagged = lines_flagged + @flagged,
       lines_ts_fallback = lines_ts_fallback + @fallback,
       last_line_ts = max(coalesce(last_line_ts, 0), coalesce(@lastTs, 0)), last_ingest_at = @at,
       detected_format = coalesce(@format, detected_format), parser_state = coalesce(@state, parser_state)
     WHERE id = @id`,
  );

  return db.transaction((b: LogBatch) => {
    // Rows pushed by a transaction that failed part-way must not ride along with this one.
    logs.reset();
    requests.reset();
    fts.reset();
    const rollups = new LogRollupBuffer();
    const routes = new RouteRollupBuffer();
    const tokens = new TokenRollupBuffer();
    const costs = costWriter.buffer();
    const addRequest = (q: RequestFacts) => {
      if (q.route) q.route = routeCap.admit(b.sourceId, q.method ?? '', q.route);
      requests.push(
        b.sourceId,
        q.ts,
        q.status,
        q.durationMs,
        q.provider,
        q.model,
        q.inputTokens,
        q.outputTokens,
        q.rateLimited ? 1 : 0,
        q.method ?? null,
        q.route ?? null,
      );
      rollups.addRequest(b.sourceId, q);
      routes.add(b.sourceId, q);
      costs.add(b.sourceId, q);
    };
    // Ids are given explicitly so the full-text rows can be inserted in bulk beside them.
    const firstId = lastId.get() as number;
    let id = firstId;
    let flagged = 0;
    let fallback = 0;
    let lastTs: number | null = null;
    for (const r of b.records) {
      id++;
      logs.push(
        id,
        b.sourceId,
        r.ts,
        r.level,
        r.message,
        r.provider,
        r.model,
        r.status,
        r.durationMs,
        r.inputTokens,
        r.outputTokens,
        r.requestId,
        r.isRequest ? 1 : 0,
        r.flags,
        r.fieldsJson,
      );
      rollups.addLine(b.sourceId, r);
      tokens.addLine(b.sourceId, r.ts, r.message);
      r.requests.forEach(addRequest);
      if (r.flags) flagged++;
      if (r.flags & FLAG_TS_FALLBACK) fallback++;
      if (lastTs === null || r.ts > lastTs) lastTs = r.ts;
    }
    (b.extraRequests ?? []).forEach(addRequest);
    logs.flush();
    requests.flush();
    indexInline(db, fts, b.records, firstId, writeFields);
    writeRollups(rollups);
    writeRoutes(routes);
    writeTokens(tokens);
    costWriter.write(costs);
    for (const j of b.rejects) insertReject.run(b.sourceId, b.receivedAt, j.reason, j.sample);
    if (b.rejects.length) trimRejects.run(b.sourceId, b.sourceId, KEEP_REJECTS);
    const kinds = new Set<string>();
    for (const s of b.samples ?? []) {
      insertSample.run(b.sourceId, s.kind, b.receivedAt, s.line, JSON.stringify(s.detected));
      kinds.add(s.kind);
    }
    for (const k of kinds) trimSamples.run(b.sourceId, k, b.sourceId, k, SAMPLES_KEPT);
    for (const p of b.positions ?? [])
      upsertPosition.run(b.sourceId, p.dev, p.ino, p.path, p.fingerprint, p.offset, p.size);
    for (const p of b.forget ?? []) deletePosition.run(b.sourceId, p.dev, p.ino);
    updateSource.run({
      id: b.sourceId,
      read: b.linesRead,
      accepted: b.records.length,
      rejected: b.rejects.length,
      flagged,
      fallback,
      lastTs,
      at: b.receivedAt,
      format: b.detectedFormat ?? null,
      state: b.parserState ?? null,
    });
  });
}
