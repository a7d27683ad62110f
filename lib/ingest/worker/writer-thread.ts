import { parentPort } from 'node:worker_threads';
import { systemClock } from '@/lib/clock';
import { openWriteDb } from '@/lib/db/connection';
import { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import { WriteTurns } from '@/lib/db/write-turns';
import { decodeBatch } from '../batch-codec';
import { FtsCatchUp } from '../fts-catch-up';
import { createLogWriter } from '../log-writer';
import type { FromWriter, ToWriter, WriterInit } from './protocol';

/**
 * Commits log batches parsed by the ingestion thread, so parsing the next batch overlaps writing this
 * one, and keeps the full-text index caught up. A batch whose predecessor of the same source was not
 * stored is refused: it was parsed after lines that are not in the database.
 */
export function runWriter(init: WriterInit): void {
  const port = parentPort!;
  const db = openWriteDb(init.dataDir, { giveWay: new WriteTurns(init.writeTurns) });
  db.pragma(`wal_autocheckpoint = ${init.walAutocheckpoint}`);
  const write = createLogWriter(db, init.storageFaults ? new StorageFaultMark(init.storageFaults) : undefined);
  const fts = new FtsCatchUp(db, systemClock);
  fts.start();
  const stored = new Map<number, number>();
  /** Why each source's last batch failed: a refusal repeats it, so a full disk still reads as one (507, not 500). */
  const failedWith = new Map<number, string>();
  const answer = (m: FromWriter) => port.postMessage(m);

  port.on('message', (m: ToWriter) => {
    if (m.kind === 'stop') {
      fts.stop();
      db.close();
      answer({ seq: m.seq, ok: true });
      return;
    }
    const source = m.batch.head.sourceId;
    if ((stored.get(source) ?? 0) !== m.after) {
      const why = failedWith.get(source);
      answer({
        seq: m.seq,
        ok: false,
        error: `not stored: an earlier batch of this source failed${why ? ` (${why})` : ''} and is read again`,
      });
      return;
    }
    try {
      write(decodeBatch(m.batch));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      failedWith.set(source, error);
      answer({ seq: m.seq, ok: false, error });
      return;
    }
    stored.set(source, m.seq);
    failedWith.delete(source);
    fts.committed();
    answer({ seq: m.seq, ok: true });
  });
}
