import { SAMPLES_KEPT } from './detection-sample';
import type { LogBatch } from './log-writer';

/** A group stops growing here, so one transaction never holds the writer for long. */
export const MAX_GROUP_RECORDS = 10_000;
/** Two commits in flight keep the writer busy: it starts the next as soon as it answers the last. */
const MAX_IN_FLIGHT = 2;

interface Waiting {
  batch: LogBatch;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const concat = <T>(lists: (T[] | undefined)[]): T[] | undefined => {
  const present = lists.filter((l): l is T[] => l !== undefined);
  return present.length ? present.flat() : undefined;
};

/** Batches of one source, parsed one after the other, as one batch: what committing them in order would store. */
export function mergeBatches(batches: LogBatch[]): LogBatch {
  if (batches.length === 1) return batches[0];
  const last = batches[batches.length - 1];
  const samples = batches.flatMap((b) => b.samples ?? []);
  return {
    sourceId: last.sourceId,
    records: batches.flatMap((b) => b.records),
    rejects: batches.flatMap((b) => b.rejects),
    linesRead: batches.reduce((n, b) => n + b.linesRead, 0),
    positions: concat(batches.map((b) => b.positions)),
    forget: concat(batches.map((b) => b.forget)),
    parserState: batches.findLast((b) => b.parserState !== undefined)?.parserState,
    detectedFormat: batches.findLast((b) => b.detectedFormat !== undefined)?.detectedFormat,
    receivedAt: last.receivedAt,
    extraRequests: batches.flatMap((b) => b.extraRequests ?? []),
    samples: [
      ...samples.filter((s) => s.kind === 'recent').slice(-SAMPLES_KEPT),
      ...samples.filter((s) => s.kind === 'fallback').slice(0, SAMPLES_KEPT),
    ],
  };
}

/**
 * Group commit for one source. While two of its commits are in flight, the batches parsed meanwhile wait, then
 * go to the writer as one transaction; each caller settles with the commit that holds its records, never
 * before. A failed commit also fails the batches waiting: they were parsed after lines that are not stored.
 */
export class GroupCommit {
  private inFlight = 0;
  private waiting: Waiting[] = [];

  constructor(private readonly write: (batch: LogBatch) => LogBatch | Promise<LogBatch>) {}

  add(batch: LogBatch): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      if (this.inFlight < MAX_IN_FLIGHT) this.flush();
    });
  }

  private flush(): void {
    let records = 0;
    let n = 0;
    while (n < this.waiting.length && (n === 0 || records + this.waiting[n].batch.records.length <= MAX_GROUP_RECORDS))
      records += this.waiting[n++].batch.records.length;
    const group = this.waiting.splice(0, n);
    if (!group.length) return;
    this.inFlight++;
    const stored = () => {
      this.inFlight--;
      for (const w of group) w.resolve();
      if (this.waiting.length) this.flush();
    };
    // The commit in flight after a failed one is refused by the writer thread (remote-writer.ts) for the same reason.
    const failed = (err: unknown) => {
      this.inFlight--;
      for (const w of [...group, ...this.waiting.splice(0)]) w.reject(err);
    };
    let done: LogBatch | Promise<LogBatch>;
    try {
      done = this.write(mergeBatches(group.map((w) => w.batch)));
    } catch (err) {
      failed(err);
      return;
    }
    if (done instanceof Promise) done.then(stored, failed);
    else stored();
  }
}
