import type { Db } from '@/lib/db/connection';

export interface BufferedBatch {
  id: number;
  oldestMs: number;
  samples: number;
  writtenMs: number;
  body: Buffer;
}

export interface BufferTotals {
  batches: number;
  samples: number;
  bytes: number;
  oldestMs: number | null;
}

/** The SQLite side of one remote write queue: its batches in order, appended, read, deleted and trimmed. */
export class BufferStore {
  constructor(
    private readonly db: Db,
    readonly queue: string,
  ) {}

  append(batches: { oldestMs: number; samples: number; body: Buffer }[], writtenMs: number): void {
    const insert = this.db.prepare(
      'INSERT INTO remote_write_buffer (queue, oldest_ms, samples, written_ms, body) VALUES (@queue, @oldestMs, @samples, @writtenMs, @body)',
    );
    this.db.transaction(() => {
      for (const b of batches) insert.run({ queue: this.queue, writtenMs, ...b });
    })();
  }

  /** The oldest batches, in order, until `maxSamples` would be passed (at least one); only their bodies are read. */
  head(maxSamples: number): BufferedBatch[] {
    const rows = this.db
      .prepare(
        `SELECT id, oldest_ms oldestMs, samples, written_ms writtenMs FROM remote_write_buffer
         WHERE queue = @queue ORDER BY id LIMIT 64`,
      )
      .all({ queue: this.queue }) as Omit<BufferedBatch, 'body'>[];
    const chosen: Omit<BufferedBatch, 'body'>[] = [];
    let n = 0;
    for (const r of rows) {
      if (chosen.length > 0 && n + r.samples > maxSamples) break;
      chosen.push(r);
      n += r.samples;
    }
    const body = this.db.prepare('SELECT body FROM remote_write_buffer WHERE id = ?').pluck();
    return chosen.map((r) => ({ ...r, body: body.get(r.id) as Buffer }));
  }

  remove(ids: number[]): void {
    const del = this.db.prepare('DELETE FROM remote_write_buffer WHERE id = ?');
    this.db.transaction(() => {
      for (const id of ids) del.run(id);
    })();
  }

  firstOldestMs(): number | null {
    const ms = this.db
      .prepare('SELECT oldest_ms FROM remote_write_buffer WHERE queue = @queue ORDER BY id LIMIT 1')
      .pluck()
      .get({ queue: this.queue }) as number | undefined;
    return ms ?? null;
  }

  totals(): BufferTotals {
    return this.db
      .prepare(
        `SELECT COUNT(*) batches, COALESCE(SUM(samples), 0) samples, COALESCE(SUM(LENGTH(body)), 0) bytes,
           MIN(oldest_ms) oldestMs FROM remote_write_buffer WHERE queue = @queue`,
      )
      .get({ queue: this.queue }) as BufferTotals;
  }

  /** Drops the oldest batches until the buffer holds at most `maxBytes`; returns the samples dropped. */
  trim(maxBytes: number): number {
    const rows = this.db
      .prepare('SELECT id, samples, LENGTH(body) bytes FROM remote_write_buffer WHERE queue = @queue ORDER BY id DESC')
      .all({ queue: this.queue }) as { id: number; samples: number; bytes: number }[];
    let kept = 0;
    let cut = -1;
    for (let i = 0; i < rows.length; i++) {
      kept += rows[i].bytes;
      if (kept > maxBytes) {
        cut = i;
        break;
      }
    }
    if (cut < 0) return 0;
    const dropped = rows.slice(cut);
    this.db
      .prepare('DELETE FROM remote_write_buffer WHERE queue = @queue AND id <= @id')
      .run({ queue: this.queue, id: dropped[0].id });
    return dropped.reduce((n, r) => n + r.samples, 0);
  }
}

/** Forgets the buffers of queues no longer configured, so a removed receiver leaves nothing behind. */
export function deleteOtherQueues(db: Db, keep: string[]): void {
  const all = db.prepare('SELECT DISTINCT queue FROM remote_write_buffer').pluck().all() as string[];
  const del = db.prepare('DELETE FROM remote_write_buffer WHERE queue = ?');
  for (const q of all) if (!keep.includes(q)) del.run(q);
}
