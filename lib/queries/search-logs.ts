import type { Db } from '@/lib/db/connection';
import { ftsMark } from '@/lib/ingest/fts-index';
import { DRIVER_IDS, rareDriver, timeLeads } from '@/lib/queries/rare-driver';
import { registerWordMatch } from '@/lib/search/match-words';
import type { Term } from '@/lib/search/parse-query';
import { termsToSql } from '@/lib/search/query-sql';
import { toIso } from '@/lib/time/iso';

interface LogRow {
  id: number;
  ts: number;
  source: string;
  level: string | null;
  message: string;
  provider: string | null;
  model: string | null;
  status: number | null;
  duration_ms: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  request_id: string | null;
  flags: number;
  fields: string | null;
}

export function encodeCursor(ts: number, id: number): string {
  return Buffer.from(`${ts}:${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { ts: number; id: number } | null {
  const m = /^(-?\d{1,16}):(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return m ? { ts: Number(m[1]), id: Number(m[2]) } : null;
}

function parseFields(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return {};
  }
}

/**
 * Log lines in [from, to] matching the terms, newest first, one page after `cursor`. With a rare word
 * the lines come from its full-text matches; otherwise from the time index, newest first, each judged
 * on its own until the page is full (docs/performance.md#search).
 */
export function searchLogs(
  db: Db,
  q: {
    from: number;
    to: number;
    terms: Term[];
    source?: string;
    level?: string;
    limit: number;
    cursor: { ts: number; id: number } | null;
  },
) {
  registerWordMatch(db);
  const rows = db.transaction(() => {
    const mark = ftsMark(db);
    const driver = rareDriver(db, q.terms);
    // Few lines come through a driver: the words' match sets are small then, and cheaper than judging each line.
    const { where, params } = termsToSql(q.terms, mark, driver === null ? 'scan' : 'set');
    const extra: string[] = [];
    const extraParams: unknown[] = [];
    if (driver !== null) {
      extra.push(DRIVER_IDS);
      extraParams.push(driver.expr, mark);
    }
    if (q.source !== undefined) {
      extra.push('source_id = (SELECT id FROM log_sources WHERE name = ?)');
      extraParams.push(q.source);
    }
    if (q.level !== undefined) {
      extra.push('level = ?');
      extraParams.push(q.level);
    }
    if (q.cursor) {
      extra.push('(ts < ? OR (ts = ? AND id < ?))');
      extraParams.push(q.cursor.ts, q.cursor.ts, q.cursor.id);
    }
    // `+ts` keeps the time index out when the driver's few lines are the cheaper way in.
    const ts = driver === null || timeLeads(db, q.from, q.to, driver.matches) ? 'ts' : '+ts';
    return db
      .prepare(
        `SELECT logs.id, ts, (SELECT name FROM log_sources s WHERE s.id = logs.source_id) source, level, message, provider, model,
         status, duration_ms, input_tokens, output_tokens, request_id, flags, fields
       FROM logs WHERE ${ts} >= ? AND ${ts} <= ? AND ${where}${extra.map((e) => ` AND ${e}`).join('')}
       ORDER BY ts DESC, id DESC LIMIT ?`,
      )
      .all(q.from, q.to, ...params, ...extraParams, q.limit + 1) as LogRow[];
  })();
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((r) => ({
      id: String(r.id),
      ts: toIso(r.ts),
      source: r.source,
      level: r.level,
      message: r.message,
      provider: r.provider,
      model: r.model,
      status: r.status,
      duration_ms: r.duration_ms,
      input_tokens: r.input_tokens,
      output_tokens: r.output_tokens,
      request_id: r.request_id,
      flags: r.flags,
      fields: parseFields(r.fields),
    })),
    next_cursor: rows.length > q.limit && last ? encodeCursor(last.ts, last.id) : null,
  };
}
