import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const TRACE = [
  '2024-01-02 03:04:05.678 ERROR [main] c.e.Shop - checkout failed',
  'java.lang.IllegalStateException: cart 9 is empty',
  '\tat com.example.Shop.checkout(Shop.java:42)',
  '\tat com.example.Main.main(Main.java:7)',
];

describe('FileTailer multi-line events', () => {
  it('waits a bounded time for the rest of an unfinished trace, then hands it out whole', async () => {
    const e = setup();
    cleanup = e.cleanup;
    fs.writeFileSync(e.file(), `${TRACE.slice(0, 3).join('\n')}\n`);
    const t = e.make();
    expect(await t.pollOnce()).toBe(0);
    expect(e.store.load('app')).toEqual([expect.objectContaining({ offset: 0 })]);
    fs.appendFileSync(e.file(), `${TRACE[3]}\n`);
    e.clock.advance(1_000);
    expect(await t.pollOnce()).toBe(0);
    e.clock.advance(1_499);
    expect(await t.pollOnce()).toBe(0);
    e.clock.advance(1);
    expect(await t.pollOnce()).toBe(1);
    expect(e.store.texts()).toEqual([TRACE.join('\n')]);
    expect(e.store.load('app')[0].offset).toBe(fs.statSync(e.file()).size);
  });

  it('a single line at the end of the file is not waited on', async () => {
    const e = setup();
    cleanup = e.cleanup;
    fs.writeFileSync(e.file(), `${TRACE.join('\n')}\n2024-01-02 03:04:06.000 INFO [main] c.e.Shop - next\n`);
    expect(await e.make().pollOnce()).toBe(2);
    expect(e.store.texts()[0]).toBe(TRACE.join('\n'));
  });

  it('a tailer restarted in the middle of an event reads it again from its start, whole and once', async () => {
    const e = setup();
    cleanup = e.cleanup;
    fs.writeFileSync(e.file(), `before\n${TRACE.slice(0, 2).join('\n')}\n`);
    await e.make().pollOnce();
    expect(e.store.texts()).toEqual(['before']);
    expect(e.store.load('app')[0].offset).toBe('before\n'.length);
    fs.appendFileSync(e.file(), `${TRACE.slice(2).join('\n')}\nafter\n`);
    await e.make().pollOnce();
    expect(e.store.texts()).toEqual(['before', TRACE.join('\n'), 'after']);
  });

  it('a batch boundary inside a run of traces splits no event', async () => {
    const e = setup('app.log', { maxBatchLines: 3 });
    cleanup = e.cleanup;
    const events = Array.from({ length: 10 }, (_, i) => [`E${i} failed`, `\tat x.Y.m${i}(Y.java:${i})`].join('\n'));
    fs.writeFileSync(e.file(), `${events.join('\n')}\nend\n`);
    const t = e.make();
    while ((await t.pollOnce()) > 0);
    expect(e.store.texts()).toEqual([...events, 'end']);
    expect(e.store.batches.length).toBeGreaterThan(2);
  });
});
