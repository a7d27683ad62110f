import type { Clock, TimerHandle } from '@/lib/clock';
import type { Db } from '@/lib/db/connection';
import { storageFault } from '@/lib/db/storage-fault';
import type { StorageFaultMark } from '@/lib/db/storage-fault-mark';
import { FtsCatchUp } from './fts-catch-up';
import { GroupCommit } from './group-commit';
import type { Ingest } from './ingest';
import { createLogWriter, type LogBatch } from './log-writer';
import type { Rejection } from './record';
import { type InputLine, loadSource, SourcePipeline } from './source-pipeline';
import type { LogSourceInput } from './source-schema';
import { ensureHttpSource, upsertFileSources } from './sources';
import { FileTailer, type TailBatch, type TailStatus } from './tail';
import { unwrapLines } from './unwrap-lines';

const TICK_MS = 10_000;

/** Commits log batches: in this thread, or in the writer thread (then the promise settles on its answer). */
export interface BatchWriter {
  write(batch: LogBatch): void | Promise<void>;
}

export interface IngestServiceOptions {
  /**
   * Lines per tailed batch (one transaction each). In-process ingestion keeps them small so API
   * requests never wait long behind a commit; a worker thread can take larger ones, which cost less per line.
   */
  tailBatchLines?: number;
  /** Another thread's writer, which also keeps the full-text index; by default batches are written here. */
  writer?: BatchWriter;
  /** Where this thread's writes (its own writer's too) leave word of writes refused for lack of space. */
  faults?: StorageFaultMark;
}

/** Owns every source's pipeline and tailer, and hands their batches to one writer, here or in the writer thread. */
export class IngestService implements Ingest {
  private readonly writer: BatchWriter;
  private readonly pipelines = new Map<string, SourcePipeline>();
  private readonly tailers = new Map<string, { tailer: FileTailer; signature: string }>();
  private tickTimer: TimerHandle | null = null;
  private started = false;
  private synced: Promise<void> = Promise.resolve();
  private readonly fts: FtsCatchUp | null;
  /** With another thread's writer, each source's batches are group-committed (group-commit.ts). */
  private readonly groups = new WeakMap<SourcePipeline, GroupCommit>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: IngestServiceOptions = {},
  ) {
    this.writer = options.writer ?? { write: createLogWriter(db, options.faults) };
    this.fts = options.writer ? null : new FtsCatchUp(db, clock);
  }

  /** Applies the provisioning file's `logs:`; invalid extraction rules throw before anything changes. */
  syncFileSources(inputs: LogSourceInput[], baseDir: string): Promise<void> {
    upsertFileSources(this.db, inputs, baseDir, this.clock.now());
    return this.reconcile();
  }

  /** A file source made in the UI or API; it stays until deleted there. */
  addFileSource(input: LogSourceInput, baseDir: string): Promise<void> {
    upsertFileSources(this.db, [input], baseDir, this.clock.now(), false);
    return this.reconcile();
  }

  /** Stops tailing a source; its lines stay searchable until retention removes them. */
  detachSource(name: string): Promise<void> {
    this.db.prepare('UPDATE log_sources SET path = NULL WHERE name = ?').run(name);
    this.db
      .prepare('DELETE FROM log_positions WHERE source_id = (SELECT id FROM log_sources WHERE name = ?)')
      .run(name);
    return this.reconcile();
  }

  /**
   * Makes the running tailers match the file sources in the database. A changed or removed
   * source's tailer is stopped before its replacement starts, so no file is read by two tailers.
   */
  private reconcile(): Promise<void> {
    const rows = this.db
      .prepare(
        `SELECT name, path, start_at, format, timezone, extract, attribution FROM log_sources WHERE kind = 'file' AND path IS NOT NULL`,
      )
      .all() as {
      name: string;
      path: string;
      start_at: string;
      format: string;
      timezone: string;
      extract: string;
      attribution: string | null;
    }[];
    const wanted = new Map(
      rows.map((r) => [r.name, JSON.stringify([r.path, r.start_at, r.format, r.timezone, r.extract, r.attribution])]),
    );
    const stale: FileTailer[] = [];
    for (const [name, t] of this.tailers) {
      if (wanted.get(name) !== t.signature) {
        stale.push(t.tailer);
        this.tailers.delete(name);
        this.pipelines.delete(name);
      }
    }
    this.synced = this.synced
      .then(() => Promise.all(stale.map((t) => t.stop())))
      .then(() => {
        for (const [name, signature] of wanted) {
          if (this.tailers.has(name)) continue;
          this.pipelines.delete(name);
          const tailer = this.makeTailer(name);
          this.tailers.set(name, { tailer, signature });
          if (this.started) tailer.start();
        }
      });
    return this.synced;
  }

  /** Starts tailing the file sources already in the database, as after a restart of the worker. */
  resume(): Promise<void> {
    return this.reconcile();
  }

  /** Every tailer's status, for the worker to post to the main thread. */
  statuses(): TailStatus[] {
    return [...this.tailers.values()].map((t) => t.tailer.status());
  }

  /** Resolves once the tailers match the latest change of sources. */
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
    this.fts?.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.tickTimer) this.clock.clearTimeout(this.tickTimer);
    this.tickTimer = null;
    this.fts?.stop();
    await Promise.all([...this.tailers.values()].map((t) => t.tailer.stop()));
  }

  /** The HTTP path: lines are parsed and committed before this resolves. */
  async ingestLines(
    sourceName: string,
    lines: InputLine[],
    rejects: Rejection[],
  ): Promise<{ accepted: number; rejected: number }> {
    try {
      ensureHttpSource(this.db, sourceName, this.clock.now());
    } catch (err) {
      // This thread's own write (a new source) can meet the full disk before the writer does.
      const reason = storageFault(err);
      if (reason) this.options.faults?.fault(reason);
      throw err;
    }
    const batch = await this.commit(sourceName, (p) => p.prepare(unwrapLines(lines), this.clock.now(), rejects));
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

  /**
   * Loads one file into a source through the same tailer and pipeline, committing positions as it
   * goes, so an interrupted import resumes where it stopped. The source is not tailed afterwards.
   */
  async importFile(name: string, file: string, onProgress: (status: TailStatus) => void): Promise<TailStatus> {
    ensureHttpSource(this.db, name, this.clock.now());
    const tailer = this.makeTailer(name, file);
    const timer = setInterval(() => onProgress(tailer.status()), 200);
    try {
      while ((await tailer.pollOnce()) > 0);
      return tailer.status();
    } finally {
      clearInterval(timer);
      await tailer.stop();
    }
  }

  private makeTailer(name: string, file?: string): FileTailer {
    const row = loadSource(this.db, name)!;
    return new FileTailer({
      source: {
        name,
        path: file ?? row.path!,
        startAt: file ? 'beginning' : row.start_at,
        multiline: row.format !== 'json' && row.format !== 'logfmt',
      },
      clock: this.clock,
      // An imported file is complete: its last event is not waited on.
      multilineWaitMs: file ? 0 : undefined,
      maxBatchLines: file ? 5_000 : (this.options.tailBatchLines ?? 1_000),
      store: { load: () => this.loadPositions(row.id) },
      commit: (b: TailBatch) => {
        const done = this.commit(name, (p) => ({
          ...p.prepare(b.lines, this.clock.now()),
          positions: b.positions,
          forget: b.forget,
        }));
        return done instanceof Promise ? done.then(() => undefined) : undefined;
      },
    });
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

  private commit(name: string, build: (p: SourcePipeline) => LogBatch): LogBatch | Promise<LogBatch> {
    const p = this.pipeline(name);
    return this.commitBatch(p, build(p));
  }

  /**
   * In this thread a batch commits at once. Handed to the writer thread, a source's batches parsed while
   * its commit is in flight wait and commit together after it: one transaction for many small requests.
   */
  private commitBatch(p: SourcePipeline, batch: LogBatch): LogBatch | Promise<LogBatch> {
    if (!this.options.writer) return this.writeBatch(p, batch);
    let group = this.groups.get(p);
    if (!group) this.groups.set(p, (group = new GroupCommit((b) => this.writeBatch(p, b))));
    return group.add(batch).then(() => batch);
  }

  /** The pipeline's committed parser state follows the writer's answers, which come in order. */
  private writeBatch(p: SourcePipeline, batch: LogBatch): LogBatch | Promise<LogBatch> {
    const done = () => {
      p.committed(batch);
      this.fts?.committed();
      return batch;
    };
    const failed = (err: unknown): never => {
      p.rollback();
      throw err;
    };
    let written: void | Promise<void>;
    try {
      written = this.writer.write(batch);
    } catch (err) {
      return failed(err);
    }
    return written instanceof Promise ? written.then(done, failed) : done();
  }

  private tickAll(): void {
    for (const [name, p] of this.pipelines) {
      const batch = p.tick(this.clock.now());
      if (!batch) continue;
      const report = (err: unknown) => console.error(`[lookout] ${name}: could not commit timed-out requests`, err);
      try {
        const done = this.commitBatch(p, batch);
        if (done instanceof Promise) done.catch(report);
      } catch (err) {
        report(err);
      }
    }
  }
}
