import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { decodeCursor, searchLogs } from '@/lib/queries/search-logs';
import { parseQuery, type Term } from '@/lib/search/parse-query';
import { tempDir } from '../helpers/temp-dir';

describe('parseQuery', () => {
  it.each<[string, Term[]]>([
    ['timeout', [{ kind: 'text', text: 'timeout', phrase: false, negate: false }]],
    ['"upstream timed out"', [{ kind: 'text', text: 'upstream timed out', phrase: true, negate: false }]],
    [
      'level:error provider:groq',
      [
        { kind: 'field', field: 'level', op: '=', value: 'error', negate: false },
        { kind: 'field', field: 'provider', op: '=', value: 'groq', negate: false },
      ],
    ],
    [
      'status:>=500 -provider:"open ai"',
      [
        { kind: 'field', field: 'status', op: '>=', value: '500', negate: false },
        { kind: 'field', field: 'provider', op: '=', value: 'open ai', negate: true },
      ],
    ],
    [
      'NOT noise AND duration_ms:>2000',
      [
        { kind: 'text', text: 'noise', phrase: false, negate: true },
        { kind: 'field', field: 'duration_ms', op: '>', value: '2000', negate: false },
      ],
    ],
  ])('%s', (q, terms) => expect(parseQuery(q)).toEqual({ ok: true, terms }));

  it('explains an unbalanced quote', () => {
    const r = parseQuery('level:error "never closed');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/quote/);
  });
});

const T = Date.UTC(2026, 10, 27, 10);
let dir: string;
let db: Db;

function line(i: number, message: string, extra: Partial<IngestRecord> = {}): IngestRecord {
  return {
    ts: T + i * 1000,
    level: 'info',
    message,
    fieldsJson: JSON.stringify({ msg: message, client_ip: `10.0.0.${i}` }),
    flags: 0,
    provider: null,
    model: null,
    status: null,
    durationMs: null,
    inputTokens: null,
    outputTokens: null,
    requestId: null,
    isRequest: false,
    requests: [],
    ...extra,
  };
}

beforeAll(() => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0)`).run();
  createLogWriter(db)({
    sourceId: 1,
    receivedAt: T,
    linesRead: 6,
    rejects: [],
    records: [
      line(0, 'HTTP response sent', { status: 200, provider: 'groq', durationMs: 120 }),
      line(1, 'HTTP response error', { status: 502, provider: 'openai', durationMs: 3000, level: 'error' }),
      line(2, '<script>alert("x")</script> in a message'),
      line(3, "Robert'); DROP TABLE logs;--"),
      line(4, 'Provider groq marked unhealthy after 3 failures', { level: 'warn' }),
      line(5, 'HTTP response error', { status: 429, provider: 'groq', durationMs: 400, level: 'error' }),
    ],
  });
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function find(q: string, limit = 100) {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error);
  return searchLogs(db, { from: T - 1, to: T + 60_000, terms: parsed.terms, limit, cursor: null });
}

describe('searchLogs', () => {
  it.each([
    ['', [5, 4, 3, 2, 1, 0]],
    ['status:>=500', [1]],
    ['level:error', [5, 1]],
    ['level:warning', [4]],
    ['provider:groq -status:429', [0]],
    ['duration_ms:>2000', [1]],
    ['unhealthy', [4]],
    ['"DROP TABLE logs;--"', [3]],
    ['"<script>"', [2]],
    ['client_ip:10.0.0.3', [3]],
    ['NOT response', [4, 3, 2]],
  ])('%s', (q, expected) => {
    expect(find(q).data.map((r) => (Date.parse(r.ts!) - T) / 1000)).toEqual(expected);
  });

  it('keeps markup and SQL verbatim and returns the original fields', () => {
    const [row] = find('"<script>"').data;
    expect(row.message).toBe('<script>alert("x")</script> in a message');
    expect(row.fields).toEqual({ msg: row.message, client_ip: '10.0.0.2' });
    expect(db.prepare('SELECT COUNT(*) FROM logs').pluck().get()).toBe(6);
  });

  it('pages with a cursor, newest first, without gaps or repeats', () => {
    const seen: string[] = [];
    let cursor: { ts: number; id: number } | null = null;
    for (;;) {
      const page = searchLogs(db, { from: T - 1, to: T + 60_000, terms: [], limit: 4, cursor });
      seen.push(...page.data.map((r) => r.id));
      if (!page.next_cursor) break;
      cursor = decodeCursor(page.next_cursor);
    }
    expect(seen).toEqual(['6', '5', '4', '3', '2', '1']);
  });
});
