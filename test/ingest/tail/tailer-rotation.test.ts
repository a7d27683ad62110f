import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { append, lines, setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

function env(pattern = 'app.log*', opts?: Parameters<typeof setup>[1]) {
  const e = setup(pattern, opts);
  cleanup = e.cleanup;
  return e;
}

describe('rotation', () => {
  it('rename rotation with a glob matching both names: old inode drained first, nothing read twice', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 30));
    const t = make();
    await t.pollOnce();
    append(file(), lines(31, 40));
    fs.renameSync(file(), file('app.log.1'));
    append(file(), lines(41, 50));
    await t.pollOnce();
    // The app keeps writing to the old inode until it reopens.
    append(file('app.log.1'), lines(51, 52));
    append(file(), lines(53, 55));
    await t.pollOnce();
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(1, 55));
    expect(t.status().files.map((f) => f.path.split('/').pop())).toEqual(['app.log.1', 'app.log']);
    expect(
      store
        .load('app')
        .map((p) => p.path.split('/').pop())
        .sort(),
    ).toEqual(['app.log', 'app.log.1']);
    await t.stop();
  });

  it('rename rotation out of the glob: the old inode is drained through its open handle, then forgotten', async () => {
    const { file, make, store, clock } = env('app.log', { forgetGraceMs: 1000 });
    append(file(), lines(1, 5));
    const t = make();
    await t.pollOnce();
    append(file(), lines(6, 8));
    fs.renameSync(file(), file('app.log.1'));
    append(file(), lines(9, 10));
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(1, 10));
    expect(t.status().files.map((f) => f.state)).toEqual(['draining', 'reading']);
    clock.advance(1000);
    await t.pollOnce();
    expect(t.status().files).toHaveLength(1);
    expect(store.load('app')).toHaveLength(1);
    expect(store.batches.at(-1)?.forget).toHaveLength(1);
  });

  it('restart after a rotation that happened while down: remaining old lines, then the new file', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 10));
    await make().pollOnce();
    append(file(), lines(11, 12));
    fs.renameSync(file(), file('app.log.1'));
    append(file(), lines(13, 14));
    fs.utimesSync(file('app.log.1'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await make({ source: { name: 'app', path: file('app.log*'), startAt: 'end' } }).pollOnce();
    expect(store.texts()).toEqual(lines(1, 14));
  });

  it('copytruncate: the copy resumes at our committed offset, the truncated original restarts at 0', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 100));
    const t = make();
    await t.pollOnce();
    append(file(), lines(101, 110));
    fs.copyFileSync(file(), file('app.log.1'));
    fs.truncateSync(file(), 0);
    append(file(), lines(111, 115));
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(1, 115));
    await t.pollOnce();
    expect(store.lines).toHaveLength(115);
  });

  it('copytruncate seen half-way: the copy is held while the original lives, released when it is truncated', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 100));
    const t = make();
    await t.pollOnce();
    append(file(), lines(101, 110));
    fs.copyFileSync(file(), file('app.log.1'));
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(1, 110));
    expect(t.status().files.map((f) => f.state)).toEqual(['reading', 'held-copy']);
    fs.truncateSync(file(), 0);
    append(file(), lines(111, 115));
    await t.pollOnce();
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(1, 115));
  });

  it('copytruncate while down: the restarted tailer matches the copy to the stored position', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 100));
    await make().pollOnce();
    append(file(), lines(101, 104));
    fs.copyFileSync(file(), file('app.log.1'));
    fs.truncateSync(file(), 0);
    append(file(), lines(105, 106));
    await make().pollOnce();
    expect(store.texts()).toEqual(lines(1, 106));
  });

  it('copy rule only applies to full 1 KiB fingerprints: a copy of a short file is read as a new file', async () => {
    const { file, make, store } = env();
    append(file(), ['tiny 1', 'tiny 2']);
    const t = make();
    await t.pollOnce();
    fs.copyFileSync(file(), file('app.log.1'));
    fs.truncateSync(file(), 0);
    await t.pollOnce();
    expect(store.texts()).toEqual(['tiny 1', 'tiny 2', 'tiny 1', 'tiny 2']);
  });

  it('two distinct files sharing their first KiB are both read (content before our offset differs)', async () => {
    const { file, make, store } = env('*.log');
    const banner = lines(1, 40, 'banner');
    append(file('a.log'), [...banner, ...lines(1, 20, 'a')]);
    const t = make();
    await t.pollOnce();
    append(file('b.log'), [...banner, ...lines(1, 20, 'b')]);
    await t.pollOnce();
    expect(store.texts()).toEqual([...banner, ...lines(1, 20, 'a'), ...banner, ...lines(1, 20, 'b')]);
    expect(t.status().files.map((f) => f.state)).toEqual(['reading', 'reading']);
  });

  it('plain truncation restarts at 0', async () => {
    const { file, make, store } = env('app.log');
    append(file(), lines(1, 20));
    const t = make();
    await t.pollOnce();
    fs.writeFileSync(file(), 'fresh 1\nfresh 2\n');
    await t.pollOnce();
    expect(store.texts()).toEqual([...lines(1, 20), 'fresh 1', 'fresh 2']);
    expect(store.load('app')[0].offset).toBe(16);
  });

  it('truncated and refilled past the old size before a poll: detected by the fingerprint', async () => {
    const { file, make, store } = env('app.log');
    append(file(), lines(1, 50));
    const t = make();
    await t.pollOnce();
    fs.truncateSync(file(), 0);
    append(file(), lines(1, 80, 'new'));
    await t.pollOnce();
    expect(store.texts()).toEqual([...lines(1, 50), ...lines(1, 80, 'new')]);
  });

  it('a deleted file is drained through its handle, then forgotten', async () => {
    const { file, make, store } = env('*.log');
    append(file('a.log'), lines(1, 3));
    append(file('b.log'), lines(1, 2, 'b'));
    const t = make();
    await t.pollOnce();
    append(file('a.log'), lines(4, 5));
    fs.unlinkSync(file('a.log'));
    expect(await t.pollOnce()).toBe(2);
    expect(store.texts()).toEqual([...lines(1, 3), ...lines(1, 2, 'b'), ...lines(4, 5)]);
    expect(store.load('app').map((p) => p.path.split('/').pop())).toEqual(['b.log']);
    expect(t.status().files).toHaveLength(1);
  });

  it('a stored position whose file disappeared while down is forgotten', async () => {
    const { file, make, store } = env('*.log');
    append(file('a.log'), lines(1, 3));
    await make().pollOnce();
    fs.unlinkSync(file('a.log'));
    await make().pollOnce();
    expect(store.load('app')).toEqual([]);
  });

  it('many files matched by a glob, each read in order', async () => {
    const { file, make, store } = env('svc-*.log', { maxBatchLines: 333 });
    for (let i = 0; i < 60; i++) append(file(`svc-${i}.log`), lines(1, 100, `f${i}`));
    append(file('other.txt'), ['ignored']);
    const t = make();
    expect(await t.pollOnce()).toBe(6000);
    for (let i = 0; i < 60; i++) {
      expect(store.lines.filter((l) => l.path.endsWith(`/svc-${i}.log`)).map((l) => l.text)).toEqual(
        lines(1, 100, `f${i}`),
      );
    }
    expect(t.status().totals).toMatchObject({ files: 60, lagBytes: 0, linesRead: 6000 });
  });
});
