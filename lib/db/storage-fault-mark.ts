import { STORAGE_FAULT_REASONS, type StorageFaultReason } from './storage-fault';

/**
 * Where the writer threads leave word of a write refused for lack of space, for the main thread's
 * storage guard to see: shared memory, like the write turns, so it needs no messages between threads.
 * Layout: [0] faults so far, [1] index of the last reason; as Float64, [1] the last fault's time (ms).
 */
export class StorageFaultMark {
  readonly #ints: Int32Array;
  readonly #times: Float64Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(16)) {
    this.#ints = new Int32Array(buffer, 0, 2);
    this.#times = new Float64Array(buffer, 8, 1);
  }

  fault(reason: StorageFaultReason, at = Date.now()): void {
    this.#times[0] = at;
    Atomics.store(this.#ints, 1, STORAGE_FAULT_REASONS.indexOf(reason));
    Atomics.add(this.#ints, 0, 1);
  }

  /** How many faults so far, and the latest one's reason and time. */
  read(): { count: number; reason: StorageFaultReason; at: number } {
    const count = Atomics.load(this.#ints, 0);
    return { count, reason: STORAGE_FAULT_REASONS[Atomics.load(this.#ints, 1)] ?? 'SQLITE_FULL', at: this.#times[0] };
  }
}
