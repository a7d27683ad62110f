import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '@/lib/clock';
import { FileTailer } from '@/lib/ingest/tail/tailer';
import type { FilePosition, FileTailerOptions, PositionStore, TailBatch, TailLine } from '@/lib/ingest/tail/types';
import { tempDir } from '../../helpers/temp-dir';

/** Stands in for the lead's SQLite store: a commit applies lines, upserts and deletes atomically, or throws and applies nothing. */
export class MemoryStore implements PositionStore {
  readonly positions = new Map<string, FilePosition>();
  readonly lines: TailLine[] = [];
  readonly batches: TailBatch[] = [];
  commits = 0;
  failAt: number | null = null;

  load(source: string): FilePosition[] {
    return [...this.positions.entries()].filter(([k]) => k.startsWith(`${source}|`)).map(([, p]) => ({ ...p }));
  }

  readonly commit = (batch: TailBatch): void => {
    this.commits++;
    if (this.failAt === this.commits) throw new Error(`crash at commit ${this.commits}`);
    const key = (p: FilePosition) => `${batch.source}|${p.dev}:${p.ino}`;
    const upserted = new Set(batch.positions.map(key));
    for (const p of batch.forget) if (upserted.has(key(p))) throw new Error('file both upserted and forgotten');
    this.lines.push(...batch.lines);
    for (const p of batch.positions) this.positions.set(key(p), { ...p });
    for (const p of batch.forget) this.positions.delete(key(p));
    this.batches.push(batch);
  };

  texts(): string[] {
    return this.lines.map((l) => l.text);
  }
}

export function setup(pattern = 'app.log', options: Partial<FileTailerOptions> = {}) {
  const dir = tempDir('lookout-tail-');
  const store = new MemoryStore();
  const clock = new FakeClock();
  const file = (name = 'app.log') => path.join(dir, name);
  const tailers: FileTailer[] = [];
  const make = (extra: Partial<FileTailerOptions> = {}) => {
    const t = new FileTailer({
      source: { name: 'app', path: path.join(dir, pattern), startAt: 'beginning' },
      store,
      commit: store.commit,
      clock,
      forgetGraceMs: 0,
      ...options,
      ...extra,
    });
    tailers.push(t);
    return t;
  };
  const cleanup = async () => {
    for (const t of tailers) await t.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { dir, store, clock, file, make, cleanup };
}

export const lines = (from: number, to: number, prefix = 'line'): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix} ${from + i} ${'p'.repeat((from + i) % 40)}`);

export const append = (file: string, ls: string[]): void => fs.appendFileSync(file, ls.map((l) => `${l}\n`).join(''));
