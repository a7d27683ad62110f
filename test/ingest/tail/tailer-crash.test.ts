import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { append, lines, setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** Deterministic PRNG so a failing seed can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('exactly once across crashes', () => {
  it('a failed commit rejects pollOnce, advances nothing, and the next poll retries', async () => {
    const e = setup('app.log', { maxBatchLines: 10 });
    cleanup = e.cleanup;
    append(e.file(), lines(1, 25));
    const t = e.make();
    e.store.failAt = 2;
    await expect(t.pollOnce()).rejects.toThrow('crash at commit 2');
    expect(e.store.texts()).toEqual(lines(1, 10));
    expect(t.status().lastError).toMatch(/crash at commit 2/);
    expect(await t.pollOnce()).toBe(15);
    expect(e.store.texts()).toEqual(lines(1, 25));
    expect(t.status().lastError).toBeNull();
  });

  it.each([1, 2, 3, 4, 5, 6])(
    'random crash points, restarts and rotations (seed %i): union of commits is exactly the lines written',
    async (seed) => {
      const e = setup('app.log*', { maxBatchLines: 37, maxBatchBytes: 3000, readBufferBytes: 4096 });
      cleanup = e.cleanup;
      const rand = rng(seed);
      const written: string[] = [];
      let n = 0;
      const write = (count: number) => {
        const ls = lines(n + 1, n + count, `s${seed}`);
        n += count;
        written.push(...ls);
        // Sometimes leave the last line half written; it completes with the next write.
        const text = ls.map((l) => `${l}\n`).join('');
        const cut = rand() < 0.3 ? text.length - 3 : text.length;
        fs.appendFileSync(e.file(), text.slice(0, cut));
        return text.slice(cut);
      };
      let tail = '';
      let tailer = e.make();
      let crashes = 0;
      for (let round = 0; round < 12; round++) {
        fs.appendFileSync(e.file(), tail);
        tail = write(50 + Math.floor(rand() * 400));
        if (rand() < 0.25) {
          fs.appendFileSync(e.file(), tail);
          tail = '';
          fs.renameSync(e.file(), e.file(`app.log.${round}`));
        }
        e.store.failAt = rand() < 0.6 ? e.store.commits + 1 + Math.floor(rand() * 8) : null;
        try {
          await tailer.pollOnce();
        } catch {
          // kill -9: the instance is dropped, a new one starts from the store.
          crashes++;
          tailer = e.make();
        }
      }
      fs.appendFileSync(e.file(), tail);
      e.store.failAt = null;
      tailer = e.make();
      await tailer.pollOnce();
      await tailer.pollOnce();
      expect(crashes).toBeGreaterThan(0);
      expect(e.store.lines).toHaveLength(written.length);
      expect([...e.store.texts()].sort()).toEqual([...written].sort());
      expect(e.store.texts()).toEqual(written);
    },
  );

  it('stop() commits the batch in progress and ends the poll', async () => {
    const e = setup('app.log', { maxBatchLines: 100 });
    cleanup = e.cleanup;
    append(e.file(), lines(1, 1000));
    const t = e.make();
    const poll = t.pollOnce();
    await t.stop();
    const got = await poll;
    expect(got % 100).toBe(0);
    expect(e.store.texts()).toEqual(lines(1, got));
    expect(e.store.load('app')[0].offset).toBe(
      fs.readFileSync(e.file(), 'utf8').split('\n').slice(0, got).join('\n').length + 1,
    );
    expect(await t.pollOnce()).toBe(0);
  });

  it('start() polls on the injected clock', async () => {
    const e = setup('app.log', { pollMs: 1000 });
    cleanup = e.cleanup;
    append(e.file(), lines(1, 3));
    const t = e.make();
    t.start();
    expect(e.store.lines).toHaveLength(0);
    e.clock.advance(1000);
    await waitUntil(() => e.store.lines.length === 3);
    append(e.file(), lines(4, 4));
    e.clock.advance(1000);
    await waitUntil(() => e.store.lines.length === 4);
    await t.stop();
    expect(e.clock.pendingTimers()).toBe(0);
  });
});

async function waitUntil(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(cond()).toBe(true);
}
