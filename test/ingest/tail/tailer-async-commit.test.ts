import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { TailBatch } from '@/lib/ingest/tail/types';
import { append, lines, MemoryStore, setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/**
 * Commits in "another thread", refusing a batch whose predecessor was not stored, as the writer thread does.
 * `lagging`: batch k is answered only when batch k+1 is handed over (or 200 ms later), the slowest writer;
 * `prompt`: answered on the next turn of the event loop.
 */
class AsyncCommitter {
  readonly applied = new MemoryStore();
  failAt: number | null = null;
  handed = 0;
  inFlight = 0;
  maxInFlight = 0;
  refused = 0;
  private lastHanded = 0;
  private lastStored = 0;
  private waiting: (() => void) | null = null;

  constructor(private readonly mode: 'lagging' | 'prompt') {}

  readonly commit = (batch: TailBatch): Promise<void> => {
    const seq = ++this.handed;
    const after = this.lastHanded;
    this.lastHanded = seq;
    this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
    this.waiting?.();
    return new Promise((resolve, reject) => {
      let answered = false;
      const answer = () => {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        this.inFlight--;
        const fail = (why: string) => {
          if (this.lastHanded === seq) this.lastHanded = this.lastStored;
          reject(new Error(why));
        };
        if (after !== this.lastStored) {
          this.refused++;
          return fail('refused: predecessor not stored');
        }
        if (this.failAt === seq) return fail(`disk full at batch ${seq}`);
        this.applied.commit(batch);
        this.lastStored = seq;
        resolve();
      };
      const timer = setTimeout(answer, this.mode === 'lagging' ? 200 : 0);
      if (this.mode === 'lagging') this.waiting = () => setImmediate(answer);
    });
  };
}

function env(mode: 'lagging' | 'prompt' = 'lagging') {
  const committer = new AsyncCommitter(mode);
  const e = setup('app.log', { maxBatchLines: 10 });
  cleanup = e.cleanup;
  const make = () => e.make({ store: committer.applied, commit: committer.commit });
  return { ...e, committer, make };
}

describe('FileTailer with a commit that answers later', () => {
  it('reads the next batch while the previous one is written, never more than one ahead', async () => {
    const { file, make, committer } = env();
    append(file(), lines(1, 95));
    const t = make();
    expect(await t.pollOnce()).toBe(95);
    expect(committer.maxInFlight).toBe(2);
    expect(committer.applied.texts()).toEqual(lines(1, 95));
    expect(committer.applied.load('app')[0].offset).toBe(fs.statSync(file()).size);
    expect(t.status().totals).toMatchObject({ linesRead: 95, lagBytes: 0 });
  });

  it('after a failed batch, the one handed over behind it is refused and both are read again: nothing lost or doubled', async () => {
    const { file, make, committer } = env();
    append(file(), lines(1, 60));
    committer.failAt = 3;
    const t = make();
    await expect(t.pollOnce()).rejects.toThrow(/disk full at batch 3/);
    expect({ handed: committer.handed, refused: committer.refused }).toEqual({ handed: 4, refused: 1 });
    expect(committer.applied.texts()).toEqual(lines(1, 20));
    expect(t.status().lastError).toMatch(/disk full/);
    expect(await t.pollOnce()).toBe(40);
    expect(committer.applied.texts()).toEqual(lines(1, 60));
    expect(t.status().totals).toMatchObject({ linesRead: 60, lagBytes: 0 });
  });

  it('with a prompt writer, stores every line exactly once whichever batch fails', async () => {
    for (let failAt = 1; failAt <= 7; failAt++) {
      const { file, make, committer } = env('prompt');
      append(file(), lines(1, 65));
      committer.failAt = failAt;
      const t = make();
      await expect(t.pollOnce()).rejects.toThrow(/disk full/);
      while ((await t.pollOnce()) > 0);
      expect(committer.applied.texts()).toEqual(lines(1, 65));
      await cleanup?.();
    }
  });

  it('a restarted tailer resumes from the last stored batch, not from what was handed over', async () => {
    const { file, make, committer } = env();
    append(file(), lines(1, 50));
    committer.failAt = 2;
    await expect(make().pollOnce()).rejects.toThrow();
    expect(committer.applied.texts()).toEqual(lines(1, 10));
    await make().pollOnce();
    expect(committer.applied.texts()).toEqual(lines(1, 50));
  });
});
