import fs from 'node:fs';
import path from 'node:path';
import type { Clock, TimerHandle } from '@/lib/clock';
import { type StorageFaultReason, storageFault } from '@/lib/db/storage-fault';
import { StorageFaultMark } from '@/lib/db/storage-fault-mark';

/** Space kept in the data directory and given back when the disk fills, so SQLite can run deletes and a checkpoint. */
export const RESERVE_FILE = 'lookout.reserve';
export const RESERVE_BYTES = 4 * 1024 * 1024;
/** Free space, besides the re-created reserve, before the disk counts as usable again. */
const HEADROOM_BYTES = 4 * 1024 * 1024;
const CHECK_MS = 1_000;
const CHUNK = Buffer.alloc(256 * 1024);

export interface StorageStatus {
  state: 'ok' | 'full';
  /** When the current state began (start-up for the first `ok`). */
  since: number;
  reason: StorageFaultReason | null;
  freeBytes: number | null;
  faults: number;
  checksPending: number;
  checksDropped: number;
}

/**
 * Says whether the disk under the data directory is full (docs/operations.md#full-disk). Any thread's
 * writer marks a refused write on `mark`; the guard then gives back the reserve file, asks retention to
 * free what it can, and watches for space to come back, when it re-creates the reserve and reports `ok`.
 */
export class StorageGuard {
  readonly mark = new StorageFaultMark();
  private seen = 0;
  private state: StorageStatus['state'] = 'ok';
  private since: number;
  private reason: StorageFaultReason | null = null;
  private lastFaultAt = 0;
  private timer: TimerHandle | null = null;
  private freeing: Promise<void> | null = null;
  /** The check writer, whose results wait in memory while the disk is full. */
  checks: { pending(): number; dropped: number } | null = null;

  /** `freeSpace` runs retention and max_db_size and checkpoints the WAL, once the reserve is given back. */
  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    private readonly freeSpace: () => Promise<void>,
  ) {
    this.since = clock.now();
  }

  start(): void {
    const tick = () => {
      this.check();
      this.timer = this.clock.setTimeout(tick, CHECK_MS);
    };
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.freeing;
  }

  /** Whether a failure of a main-thread write is a full disk; if so it is marked like the writer threads' are. */
  isFault(err: unknown): boolean {
    const reason = storageFault(err, () => (this.freeBytes() ?? Number.POSITIVE_INFINITY) < HEADROOM_BYTES);
    if (reason) this.mark.fault(reason, this.clock.now());
    return reason !== null;
  }

  /** Sees new faults at once; recovery and the reserve file are left to the timer. */
  status(): StorageStatus {
    this.observe(this.clock.now());
    return {
      state: this.state,
      since: this.since,
      reason: this.reason,
      freeBytes: this.freeBytes(),
      faults: this.mark.read().count,
      checksPending: this.checks?.pending() ?? 0,
      checksDropped: this.checks?.dropped ?? 0,
    };
  }

  /** Full on a new fault; ok again once a check interval passed without one and the reserve could be re-created. */
  check(): void {
    const now = this.clock.now();
    if (this.observe(now)) return;
    if (this.state === 'ok') {
      this.makeReserve();
      return;
    }
    if (now - this.lastFaultAt >= CHECK_MS && this.makeReserve()) {
      console.log(`[lookout] storage: space is back (${this.freeBytes()} bytes free); writes resume`);
      this.state = 'ok';
      this.since = now;
      this.reason = null;
    }
  }

  /** True when a fault was marked since the last look. */
  private observe(now: number): boolean {
    const m = this.mark.read();
    if (m.count === this.seen) return false;
    this.seen = m.count;
    this.lastFaultAt = now;
    if (this.state === 'ok') this.enterFull(m.reason, now);
    else this.reason = m.reason;
    return true;
  }

  private enterFull(reason: StorageFaultReason, now: number): void {
    this.state = 'full';
    this.since = now;
    this.reason = reason;
    fs.rmSync(this.reservePath(), { force: true });
    console.error(
      `[lookout] storage: the disk under ${this.dataDir} is full (${reason}); ingestion pauses and retries, check results wait in memory`,
    );
    this.freeing ??= this.freeSpace()
      .catch((err: Error) => console.error('[lookout] storage: freeing space failed:', err.message))
      .finally(() => {
        this.freeing = null;
      });
  }

  freeBytes(): number | null {
    try {
      const st = fs.statfsSync(this.dataDir);
      return st.bavail * st.bsize;
    } catch {
      return null;
    }
  }

  private reservePath(): string {
    return path.join(this.dataDir, RESERVE_FILE);
  }

  /** True when the reserve is in place; written in chunks so a disk that fills meanwhile leaves no partial file. */
  private makeReserve(): boolean {
    const file = this.reservePath();
    try {
      if (fs.statSync(file).size >= RESERVE_BYTES) return true;
    } catch {
      // not there yet
    }
    if ((this.freeBytes() ?? 0) < RESERVE_BYTES + HEADROOM_BYTES) return false;
    let fd: number | null = null;
    try {
      fd = fs.openSync(file, 'w');
      for (let at = 0; at < RESERVE_BYTES; at += CHUNK.length) fs.writeSync(fd, CHUNK, 0, CHUNK.length, at);
      fs.fsyncSync(fd);
      return true;
    } catch {
      fs.rmSync(file, { force: true });
      return false;
    } finally {
      if (fd !== null) fs.closeSync(fd);
    }
  }
}
