import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { tempDir } from '../helpers/temp-dir';

describe('write connections', () => {
  const open: Db[] = [];
  afterEach(() => open.splice(0).forEach((db) => db.close()));

  it('take the write lock when a transaction begins, so a read-then-write never fails on upgrade', () => {
    const dir = path.join(tempDir(), 'data');
    const engine = openWriteDb(dir);
    const worker = openWriteDb(dir);
    open.push(engine, worker);
    engine.exec('CREATE TABLE t (x INTEGER)');
    worker.pragma('busy_timeout = 0');
    let otherWriter: unknown = null;
    engine.transaction(() => {
      engine.prepare('SELECT COUNT(*) FROM t').get();
      try {
        worker.prepare('INSERT INTO t VALUES (1)').run();
      } catch (err) {
        otherWriter = err;
      }
      engine.prepare('INSERT INTO t VALUES (2)').run();
    })();
    // Deferred, the engine would have read a snapshot, let the worker commit, then failed with SQLITE_BUSY.
    expect(String(otherWriter)).toMatch(/database is locked/);
    expect(engine.prepare('SELECT x FROM t').pluck().all()).toEqual([2]);
  });

  it('keep nested transactions working as savepoints', () => {
    const db = openWriteDb(path.join(tempDir(), 'data'));
    open.push(db);
    db.exec('CREATE TABLE t (x INTEGER)');
    const inner = db.transaction(() => db.prepare('INSERT INTO t VALUES (1)').run());
    db.transaction(() => {
      inner();
      inner();
    })();
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(2);
  });
});
