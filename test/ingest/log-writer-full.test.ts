import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { storageFault } from '@/lib/db/storage-fault';
import { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import { createLogWriter } from '@/lib/ingest/log-writer';
import { loadSource, SourcePipeline } from '@/lib/ingest/source-pipeline';
import { ensureHttpSource } from '@/lib/ingest/sources';
import { tempDir } from '../helpers/temp-dir';

let db: Db | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

/** SQLite's page limit gives a real SQLITE_FULL in the middle of a statement, as a disk that fills does. */
function capAtCurrentSize(d: Db): void {
  d.pragma(`max_page_count = ${d.pragma('page_count', { simple: true }) as number}`);
}

function lines(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    text: JSON.stringify({ level: 'info', msg: `${prefix} ${i}`, pad: 'y'.repeat(300) }),
    truncated: false,
  }));
}

describe('the log writer on a full disk', () => {
  it('stores nothing of a batch refused part-way, marks the fault, and stores the next batch alone', () => {
    db = openWriteDb(path.join(tempDir(), 'data'));
    ensureHttpSource(db, 'app', 0);
    const pipeline = new SourcePipeline(loadSource(db, 'app')!);
    const mark = new StorageFaultMark();
    const write = createLogWriter(db, mark);
    const count = (sql: string) => db!.prepare(sql).pluck().get() as number;

    write(pipeline.prepare(lines('first', 10), 1_000));
    capAtCurrentSize(db);
    // 3,000 lines of 300+ bytes need new pages: the insert fails in the middle of the batch.
    let failure: unknown = null;
    try {
      write(pipeline.prepare(lines('refused', 3_000), 2_000));
    } catch (err) {
      failure = err;
    }
    pipeline.rollback();
    expect(storageFault(failure)).toBe('SQLITE_FULL');
    expect(mark.read()).toMatchObject({ count: 1, reason: 'SQLITE_FULL' });
    expect(count('SELECT COUNT(*) FROM logs')).toBe(10);
    expect(count(`SELECT lines_accepted FROM log_sources WHERE name = 'app'`)).toBe(10);

    db.pragma('max_page_count = 1073741823');
    write(pipeline.prepare(lines('after', 100), 3_000));
    expect(count('SELECT COUNT(*) FROM logs')).toBe(110);
    expect(count(`SELECT COUNT(*) FROM logs WHERE message LIKE 'refused %'`)).toBe(0);
    expect(count(`SELECT COUNT(DISTINCT id) FROM logs`)).toBe(110);
    expect(count(`SELECT SUM(lines) FROM log_line_rollups WHERE res = 10000`)).toBe(110);
    expect(count(`SELECT lines_accepted FROM log_sources WHERE name = 'app'`)).toBe(110);
  });

  it('tells storage faults from other failures, by code and by the text that crosses threads', () => {
    expect(storageFault(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('SQLITE_FULL');
    expect(storageFault(new Error('database or disk is full'))).toBe('SQLITE_FULL');
    expect(storageFault(Object.assign(new Error('write'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(storageFault(Object.assign(new Error('write'), { code: 'EDQUOT' }))).toBe('EDQUOT');
    expect(storageFault(new Error('ENOSPC: no space left on device, write'))).toBe('ENOSPC');
    const ioerr = Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' });
    expect(storageFault(ioerr, () => true)).toBe('ENOSPC');
    expect(storageFault(ioerr, () => false)).toBeNull();
    expect(storageFault(new Error('UNIQUE constraint failed: logs.id'))).toBeNull();
    expect(storageFault(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' }))).toBeNull();
  });
});
