import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWriteDb } from '@/lib/db/connection';
import { WriteTurns } from '@/lib/db/write-turns';
import { tempDir } from '../helpers/temp-dir';

class CountingTurns extends WriteTurns {
  writes = 0;
  override announce<T>(write: () => T): T {
    this.writes++;
    return super.announce(write);
  }
}

describe('write turns between the main thread and the log writer thread', () => {
  it('gives way at once when no write is announced', () => {
    const t = performance.now();
    new WriteTurns().giveWay(5_000);
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it('gives way while a write is announced, up to its limit, as another thread sharing the buffer sees it', () => {
    const main = new WriteTurns();
    const writer = new WriteTurns(main.buffer);
    main.announce(() => {
      main.announce(() => undefined);
      const t = performance.now();
      writer.giveWay(60);
      expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    });
    const t = performance.now();
    writer.giveWay(5_000);
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it('announces each write of an announcing connection once: a statement alone, or a transaction whole', () => {
    const turns = new CountingTurns();
    const db = openWriteDb(path.join(tempDir(), 'data'), { announce: turns });
    turns.writes = 0;
    db.exec('CREATE TABLE t (a)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    insert.run(1);
    db.transaction(() => {
      insert.run(2);
      insert.run(3);
    })();
    db.prepare('SELECT COUNT(*) FROM t').pluck().get();
    expect(turns.writes).toBe(3);
    expect(db.prepare('SELECT COUNT(*) FROM t').pluck().get()).toBe(3);
    db.close();
  });
});
