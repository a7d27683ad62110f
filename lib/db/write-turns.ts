/**
 * SQLite's write lock has no queue: it goes to whichever connection asks while it is free. The log
 * writer thread asks again the moment it commits, so a write of the main thread (a probe result, an
 * alert's state), retried by the busy timeout, can lose for seconds while its event loop is blocked.
 * Main-thread writes (and the ingestion thread's few) announce themselves here, and the writer thread
 * begins no transaction while one is announced: they wait at most for the transaction in progress.
 */
export class WriteTurns {
  readonly #announced: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.#announced = new Int32Array(buffer);
  }

  /** Runs a write of this thread, announced to the other threads for its whole duration. */
  announce<T>(write: () => T): T {
    Atomics.add(this.#announced, 0, 1);
    try {
      return write();
    } finally {
      if (Atomics.sub(this.#announced, 0, 1) === 1) Atomics.notify(this.#announced, 0);
    }
  }

  /** Blocks this (worker) thread while a write is announced, for at most `maxMs` should its thread be stuck. */
  giveWay(maxMs: number): void {
    const deadline = Date.now() + maxMs;
    for (let n = Atomics.load(this.#announced, 0); n > 0; n = Atomics.load(this.#announced, 0)) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      Atomics.wait(this.#announced, 0, n, left);
    }
  }
}
