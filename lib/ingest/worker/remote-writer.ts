import type { Worker } from 'node:worker_threads';
import { encodeBatch, transferables } from '../batch-codec';
import type { BatchWriter } from '../ingest-service';
import type { LogBatch } from '../log-writer';
import type { FromWriter, ToWriter } from './protocol';

interface Pending {
  resolve: () => void;
  reject: (err: Error) => void;
}

/** The ingestion thread's side of the writer thread: each write settles when the writer answers. */
export class RemoteWriter implements BatchWriter {
  private seq = 0;
  private readonly pending = new Map<number, Pending>();
  /** Per source, the last batch handed over and the last one stored. */
  private readonly handed = new Map<number, number>();
  private readonly stored = new Map<number, number>();

  constructor(private readonly thread: Worker) {
    thread.on('message', (m: FromWriter) => {
      const p = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      if (m.ok) p?.resolve();
      else p?.reject(new Error(m.error));
    });
    thread.on('exit', (code) => {
      for (const p of this.pending.values())
        p.reject(new Error(`the writer thread exited (${code}); nothing unanswered was stored`));
      this.pending.clear();
    });
  }

  write(batch: LogBatch): Promise<void> {
    const source = batch.sourceId;
    const seq = ++this.seq;
    const after = this.handed.get(source) ?? 0;
    this.handed.set(source, seq);
    const encoded = encodeBatch(batch);
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, {
        resolve: () => {
          this.stored.set(source, seq);
          resolve();
        },
        reject: (err) => {
          // The next batch follows the last one stored, once the refused ones have all answered.
          if (this.handed.get(source) === seq) this.handed.set(source, this.stored.get(source) ?? 0);
          reject(err);
        },
      });
      this.thread.postMessage({ kind: 'write', seq, after, batch: encoded } satisfies ToWriter, transferables(encoded));
    });
  }

  stop(): Promise<void> {
    const seq = ++this.seq;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.thread.postMessage({ kind: 'stop', seq } satisfies ToWriter);
    });
  }
}
