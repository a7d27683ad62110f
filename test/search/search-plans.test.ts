import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openReadDb, openWriteDb } from '@/lib/db/connection';
import { ftsMark, indexAllBehind } from '@/lib/ingest/fts-index';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { getLogsHistogram } from '@/lib/queries/get-logs-histogram';
import { RARE_CAP } from '@/lib/queries/rare-driver';
import { searchLogs } from '@/lib/queries/search-logs';
import { wordsMatch } from '@/lib/search/match-words';
import { parseQuery, type Term } from '@/lib/search/parse-query';
import { termsToSql } from '@/lib/search/query-sql';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 10, 2);
const HOUR = 3_600_000;
const PROVIDERS = ['groq', 'openai', 'gemini'];
// Enough lines that "common" (in every line) passes the rare-word cap and is walked by time instead.
const LINES = RARE_CAP + 8_000;
const SPAN = 30 * HOUR;

function message(i: number): string {
  const p = PROVIDERS[i % 3];
  if (i % 1_201 === 5) return `common disk quota exhausted on ${p}`;
  if (i % 997 === 3) return `common Grüße from café ${p} — naïve`; // folded by SQLite only
  if (i % 991 === 4) return `common\ttabbed ${p}\tline`;
  if (i % 1_103 === 6) return `common Ошибка соединения с ${p}: ТАЙМАУТ`;
  if (i % 1_009 === 7) return `common ΣΦΑΛΜΑ στο ${p} 接続エラー 🚀 done`;
  if (i % 983 === 8) return `common İstanbul cafe\u0301 STRASSE Straße ${p}`;
  if (i % 13 === 0) return `common HTTP response error status=502 via ${p}`;
  if (i % 7 === 0) return `common responded_late ${p}-large retry`;
  return `common Routed to provider=${p}, model=${p}-large, tokens=${i % 900}`;
}

function record(i: number): IngestRecord {
  const status = i % 13 === 0 ? 502 : 200;
  return {
    ts: T0 + Math.floor((i * SPAN) / LINES),
    level: status === 502 ? 'error' : 'info',
    message: message(i),
    fieldsJson: JSON.stringify({
      msg: message(i),
      action: i % 5 === 0 ? 'anthropic_request' : 'other',
      code: i % 4 === 0 ? '200' : 200 + (i % 3),
      ok: i % 6 !== 0,
      ...(i % 11 === 0 ? { ratio: (i % 7) / 2 } : {}),
    }),
    flags: 0,
    provider: PROVIDERS[i % 3],
    model: null,
    status,
    durationMs: null,
    inputTokens: null,
    outputTokens: null,
    requestId: null,
    isRequest: false,
    requests: [],
  };
}

let dir: string;
let db: Db;
let read: Db;

beforeAll(() => {
  dir = tempDir();
  db = openWriteDb(path.join(dir, 'data'));
  db.prepare(
    `INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'one', 'http', 0), (2, 'two', 'http', 0)`,
  ).run();
  const write = createLogWriter(db);
  // Two sources, written one after the other (as two imports are), so ids do not follow time across them.
  for (const sourceId of [1, 2]) {
    for (let start = sourceId - 1; start < LINES; start += 5_000 * 2) {
      const records: IngestRecord[] = [];
      for (let i = start; i < Math.min(LINES, start + 5_000 * 2); i += 2) records.push(record(i));
      write({ sourceId, records, rejects: [], linesRead: records.length, receivedAt: T0 });
    }
  }
  indexAllBehind(db);
  read = openReadDb(path.join(dir, 'data'));
}, 120_000);

afterAll(() => {
  read.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const parse = (q: string): Term[] => {
  const p = parseQuery(q);
  if (!p.ok) throw new Error(p.error);
  return p.terms;
};

/** The reference: the query as it was answered before, every line of the window tested by the full-text set. */
function plainScan(q: string, from: number, to: number): { id: number; ts: number }[] {
  const { where, params } = termsToSql(parse(q), ftsMark(read), 'set');
  return read
    .prepare(`SELECT id, ts FROM logs NOT INDEXED WHERE ts >= ? AND ts <= ? AND ${where} ORDER BY ts DESC, id DESC`)
    .all(from, to, ...params) as { id: number; ts: number }[];
}

const QUERIES = [
  'timeout',
  'quota',
  'common',
  'groq',
  'GROQ',
  'cafe',
  'café',
  'grüße',
  'naive',
  'tabbed',
  '"HTTP response error"',
  '"response error"',
  'respon*',
  'responded',
  'late',
  'action:anthropic_request',
  'action:other',
  'code:200',
  'code:>200',
  'code:<=201',
  'ok:1',
  'ok:true',
  'ratio:>=1.5',
  'msg:common',
  'ошибка',
  'таймаут',
  'σφαλμα',
  'istanbul',
  'straße',
  'strasse',
  '接続エラー',
  '"cafe istanbul"',
  'err*',
  'routed*',
  'quot*',
  '-groq',
  '-timeout',
  '-common',
  'error -groq status:>=500',
  'quota groq',
  'provider -line',
];
const WINDOWS: [string, number, number][] = [
  ['15 m', T0 + 20 * HOUR + 7_777, T0 + 20 * HOUR + 15 * 60_000 + 7_777],
  ['1 h', T0 + 3 * HOUR + 1_234, T0 + 4 * HOUR + 1_234],
  ['24 h', T0 + 5 * HOUR + 55_555, T0 + 29 * HOUR + 55_555],
  ['all', T0 - HOUR, T0 + SPAN + HOUR],
];

describe('search plans at volume', () => {
  it('judges words on ASCII messages as the full-text index does, and leaves the rest to it', () => {
    expect(wordsMatch('Routed to provider=groq, model=groq-large', '"groq"')).toBe(1);
    expect(wordsMatch('groqcloud is up', '"groq"')).toBe(0);
    expect(wordsMatch('HTTP  response\\error', '"http response error"')).toBe(1);
    expect(wordsMatch('response sent error', '"response error"')).toBe(0);
    expect(wordsMatch('responded_late', '"respon"*')).toBe(1);
    // Non-ASCII text is split and folded as SQLite's unicode61 tokenizer does (diacritics removed).
    expect(wordsMatch('Grüße aus dem Café', '"cafe"')).toBe(1);
    expect(wordsMatch('cafe', '"café"')).toBe(1);
    expect(wordsMatch('ОШИБКА соединения', '"ошибка"')).toBe(1);
    expect(wordsMatch('Straße', '"strasse"')).toBe(0);
    expect(wordsMatch('lone \ud800 surrogate', '"lone"')).toBeNull();
  });

  it('returns the same page as a plain scan for every query shape and window', () => {
    let nonEmpty = 0;
    for (const q of QUERIES) {
      for (const [name, from, to] of WINDOWS) {
        const expected = plainScan(q, from, to);
        const page = searchLogs(read, { from, to, terms: parse(q), limit: 50, cursor: null });
        expect(
          page.data.map((r) => Number(r.id)),
          `${q} over ${name}`,
        ).toEqual(expected.slice(0, 50).map((r) => r.id));
        expect(page.next_cursor !== null, `${q} over ${name}: next page`).toBe(expected.length > 50);
        if (expected.length) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(QUERIES.length * 2);
  });

  it('pages through a rare word with the cursor exactly as the plain scan orders it', () => {
    const [, from, to] = WINDOWS[3];
    const expected = plainScan('quota', from, to).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(10);
    const seen: number[] = [];
    let cursor: { ts: number; id: number } | null = null;
    for (;;) {
      const page = searchLogs(read, { from, to, terms: parse('quota'), limit: 4, cursor });
      seen.push(...page.data.map((r) => Number(r.id)));
      if (!page.next_cursor) break;
      const last = page.data[page.data.length - 1];
      cursor = { ts: Date.parse(last.ts), id: Number(last.id) };
    }
    expect(seen).toEqual(expected);
  });

  it('counts every histogram as a plain scan does, from token rollups, full-text matches or lines', () => {
    for (const q of QUERIES) {
      for (const [name, from, to] of WINDOWS) {
        const lines = plainScan(q, from, to);
        for (const step of [10_000, 60_000, 720_000]) {
          if ((to - from) / step > 2_000) continue;
          const h = getLogsHistogram(read, { from, to, stepMs: step, terms: parse(q) }, 60_000);
          expect(h.partial, `${q} over ${name}`).toBe(false);
          const expected = new Map<number, number>();
          for (const r of lines) {
            const t = r.ts - (r.ts % step);
            expected.set(t, (expected.get(t) ?? 0) + 1);
          }
          expect(
            h.points.filter(([, n]) => n > 0),
            `${q} over ${name} per ${step} ms`,
          ).toEqual([...expected].sort((a, b) => a[0] - b[0]));
        }
      }
    }
  }, 180_000);

  it('answers phrase, prefix, field, mix and non-ASCII histograms whole, without the line-counting budget', () => {
    const [, from, to] = WINDOWS[3];
    for (const q of [
      '"HTTP response error"',
      'respon*',
      'action:anthropic_request',
      'code:>200',
      'error -groq status:>=500',
      'ошибка',
      'cafe',
      'straße',
    ]) {
      const h = getLogsHistogram(read, { from, to, stepMs: 3_600_000, terms: parse(q) }, 0);
      expect(h.partial, q).toBe(false);
      expect(
        h.points.some(([, n]) => n > 0),
        q,
      ).toBe(true);
    }
    // Lines of any script are counted in the token rollups: no minute is left to be counted from its lines.
    expect(read.prepare(`SELECT COUNT(*) FROM log_token_rollups WHERE token = ''`).pluck().get()).toBe(0);
    expect(read.prepare(`SELECT SUM(lines) FROM log_token_rollups WHERE token = 'cafe'`).pluck().get()).toBeGreaterThan(
      0,
    );
  });

  it('counts per source from the token rollups as the lines say', () => {
    const [, from, to] = WINDOWS[2];
    for (const q of ['groq', '-groq', 'cafe', 'tabbed']) {
      const h = getLogsHistogram(read, { from, to, stepMs: 720_000, terms: parse(q), source: 'two' }, 60_000);
      const { where, params } = termsToSql(parse(q), ftsMark(read), 'set');
      const n = read
        .prepare(`SELECT COUNT(*) FROM logs NOT INDEXED WHERE source_id = 2 AND ts >= ? AND ts <= ? AND ${where}`)
        .pluck()
        .get(from, to, ...params) as number;
      expect(
        h.points.reduce((s, [, c]) => s + c, 0),
        q,
      ).toBe(n);
    }
  });

  it('stops counting at the time budget and says from when it counted, newest steps first', () => {
    const [, from, to] = WINDOWS[2];
    const full = getLogsHistogram(read, { from, to, stepMs: 600_000, terms: parse('common -groq') }, 60_000);
    const cut = getLogsHistogram(read, { from, to, stepMs: 600_000, terms: parse('common -groq') }, 0);
    expect(full.partial).toBe(false);
    expect(cut.partial).toBe(true);
    expect(cut.counted_from).toBeGreaterThan(from);
    // What was counted equals the full answer there; older steps are left at 0.
    for (const [i, [t, n]] of cut.points.entries())
      expect(n, String(t)).toBe(t >= cut.counted_from! ? full.points[i][1] : 0);
    expect(cut.points.some(([, n]) => n > 0)).toBe(true);
  });

  it('counts field terms exactly while lines wait above the index mark (not rolled up yet)', () => {
    const write = createLogWriter(db);
    const records: IngestRecord[] = [];
    for (let i = 0; i < 3_000; i++) records.push({ ...record(i), ts: T0 + SPAN - HOUR + i * 1_000 });
    write({ sourceId: 2, records, rejects: [], linesRead: records.length, receivedAt: T0 });
    expect(ftsMark(read)).toBeLessThan(read.prepare('SELECT MAX(id) FROM logs').pluck().get() as number);
    const [, from, to] = WINDOWS[3];
    for (const q of ['action:anthropic_request', 'code:>200', 'ok:1']) {
      const h = getLogsHistogram(read, { from, to, stepMs: 600_000, terms: parse(q) }, 0);
      expect(h.partial, q).toBe(false);
      const expected = plainScan(q, from, to).length;
      expect(
        h.points.reduce((s, [, n]) => s + n, 0),
        q,
      ).toBe(expected);
    }
  });
});
