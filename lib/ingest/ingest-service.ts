import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { FileTailer, type TailBatch, type TailStatus } from './tail';
import { createLogWriter, type LogBatch } from './log-writer';
import { loadSource, SourcePipeline, type InputLine } from './source-pipeline';
import { ensureHttpSource, upsertFileSources } from './sources';
import type { LogSourceInput } from './source-schema';
import type { Rejection } from './record';

const TICK_MS = 10_000;

/** Owns every source's pipeline and tailer, and the one function that writes log batches. */
export class IngestService {
  private readonly write: (b: LogBatch) => void;
  private readonly pipelines = new Map<string, SourcePipeline>();
  private readonly tailers = new Map<string, { tailer: FileTailer; path: string; startAt: string }>();
  private tickTimer: TimerHandle | null = null;
  private started = false;
  private synced: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.write = createLogWriter(db);
  }

  /**
   * Applies the provisioning file's `logs:`. A changed or removed source's tailer is stopped before
   * its replacement starts, so no file is ever read by two tailers. Invalid rules throw before anything changes.
   */
  syncFileSources(inputs: LogSourceInput[], baseDir: string): Promise<void> {
    const keep = upsertFileSources(this.db, inputs, baseDir, this.clock.now());
    const stale: FileTailer[] = [];
    for (const [name, t] of this.tailers) {
      const row = loadSource(this.db, name);
      if (!keep.has(name) || row?.path !== t.path || row?.start_at !== t.startAt) {
        stale.push(t.tailer);
        this.tailers.delete(name);
      }
    }
    for (const name of keep) this.pipelines.delete(name);
    return (this.synced = Promise.all(stale.map((t) => t.stop())).then(() => {
      for (const name of keep) {
        if (this.tailers.has(name)) continue;
        const t = this.makeTailer(name);
        this.tailers.set(name, t);
        if (this.started) t.tailer.start();
      }
    }));
  }

  /** Resolves once the last `syncFileSources` has its tailers in place. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  start(): void {
    this.started = true;
    for (const t of this.tailers.values()) t.tailer.start();
    const tick = () => {
      this.tickAll();
      this.tickTimer = this.clock.setTimeout(tick, TICK_MS);
    };
    this.tickTimer = this.clock.setTimeout(tick, TICK_MS);
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.tickTimer) this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    await Promise.all([...this.tailers.values()].map((t) => t.tailer.stop()));
  }

  /** The HTTP path: lines are parsed and committed before this returns. */
  ingestLines(sourceName: string, lines: InputLine[], rejects: Rejection[]): { accepted: number; rejected: number } {
    ensureHttpSource(this.db, sourceName, this.clock.now());
    const batch = this.commit(sourceName, (p) => p.prepare(lines, this.clock.now(), rejects));
    return { accepted: batch.records.length, rejected: batch.rejects.length };
  }

  /** Polls every tailer once; tests and `npm run import` use it to wait for files to be read. */
  async pollAll(): Promise<number> {
    let n = 0;
    for (const t of this.tailers.values()) n += await t.tailer.pollOnce();
    return n;
  }

  tailStatus(name: string): TailStatus | null {
    return this.tailers.get(name)?.tailer.status() ?? null;
  }

  private makeTailer(name: string): { tailer: FileTailer; path: string; startAt: string } {
    const row = loadSource(this.db, name)!;
    const tailer = new FileTailer({
      source: { name, path: row.path!, startAt: row.start_at },
      clock: this.clock,
      store: { load: () => this.loadPositions(row.id) },
      commit: (b: TailBatch) => {
        this.commit(name, (p) => ({
          ...p.prepare(b.lines, this.clock.now()),
          positions: b.positions,
          forget: b.forget,
        }));
      },
    });
    return { tailer, path: row.path!, startAt: row.start_at };
  }

  private loadPositions(sourceId: number) {
    return this.db
      .prepare('SELECT path, dev, ino, fingerprint, offset, size FROM log_positions WHERE source_id = ?')
      .all(sourceId) as { path: string; dev: number; ino: number; fingerprint: string; offset: number; size: number }[];
  }

  private pipeline(name: string): SourcePipeline {
    let p = this.pipelines.get(name);
    if (!p) {
      const row = loadSource(this.db, name);
      if (!row) throw new Error(`no log source named ${name}`);
      this.pipelines.set(name, (p = new SourcePipeline(row)));
    }
    return p;
  }

  private commit(name: string, build: (p: SourcePipeline) => LogBatch): LogBatch {
    const p = this.pipeline(name);
    const batch = build(p);
    try {
      this.write(batch);
    } catch (err) {
      p.rollback();
      throw err;
    }
    p.committed(batch);
    return batch;
  }

  private tickAll(): void {
    for (const [name, p] of this.pipelines) {
      const batch = p.tick(this.clock.now());
      if (!batch) continue;
      try {
        this.write(batch);
        p.committed(batch);
      } catch (err) {
        p.rollback();
        console.error(`[lookout] ${name}: could not commit timed-out requests`, err);
      }
    }
  }
}
