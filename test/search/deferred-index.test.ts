import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWriteDb } from '@/lib/db/connection';
import { createBehindIndexer, ftsMark, INLINE_FTS_MAX } from '@/lib/ingest/fts-index';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { searchLogs } from '@/lib/queries/search-logs';
import { parseQuery } from '@/lib/search/parse-query';
import { tempDir } from '../helpers/temp-dir';

const T = Date.UTC(2026, 10, 27);

function rec(i: number): IngestRecord {
  return {
    ts: T + i,
    level: 'info',
    message: i % 1000 === 7 ? `needle_${i} 100% found` : `hay ${i}`,
    fieldsJson: null,
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
  };
}

describe('full-text index behind bulk ingestion', () => {
  it('indexes small batches at once, leaves bulk batches to the catch-up indexer, and finds both all along', () => {
    const dir = tempDir();
    const db = openWriteDb(path.join(dir, 'data'));
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 's', 'http', 0)`).run();
    const write = createLogWriter(db);
    const batch = (from: number, n: number) =>
      write({
        sourceId: 1,
        receivedAt: T,
        linesRead: n,
        rejects: [],
        records: Array.from({ length: n }, (_, k) => rec(from + k)),
      });
    const find = (q: string) => {
      const parsed = parseQuery(q);
      if (!parsed.ok) throw new Error(parsed.error);
      return searchLogs(db, { from: T - 1, to: T + 1e7, terms: parsed.terms, limit: 100_000, cursor: null }).data
        .length;
    };

    batch(0, 100);
    expect(ftsMark(db)).toBe(100);
    batch(100, 7_000);
    expect(ftsMark(db)).toBe(100);
    expect(find('needle_4007')).toBe(1);
    expect(find('"100% found"')).toBe(8);
    expect(find('found')).toBe(8);
    batch(7_100, 10);
    expect(ftsMark(db)).toBe(100); // small, but the index is behind: left to the indexer too

    const indexBehind = createBehindIndexer(db);
    while (indexBehind(1_000) > 0);
    expect(ftsMark(db)).toBe(7_110);
    expect(find('needle_4007')).toBe(1);
    expect(find('found')).toBe(8);
    batch(7_110, 10);
    expect(ftsMark(db)).toBe(7_120);

    // Deleting rows on both sides of the mark keeps the index consistent.
    batch(8_000, INLINE_FTS_MAX + 1);
    db.prepare('DELETE FROM logs WHERE id > 7000').run();
    expect(
      db.prepare(`INSERT INTO logs_fts (logs_fts) VALUES ('integrity-check')`).run().changes,
    ).toBeGreaterThanOrEqual(0);
    batch(20_000, 5);
    while (indexBehind(1_000) > 0);
    expect(find('hay')).toBe(7_000 - 7 + 5);
    expect(
      db
        .prepare(`SELECT MIN(id) FROM logs WHERE ts >= ?`)
        .pluck()
        .get(T + 20_000),
    ).toBeGreaterThan(7_120);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
