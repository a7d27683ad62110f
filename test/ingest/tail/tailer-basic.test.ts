import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { append, lines, setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

function env(pattern?: string, opts?: Parameters<typeof setup>[1]) {
  const e = setup(pattern, opts);
  cleanup = e.cleanup;
  return e;
}

describe('FileTailer basics', () => {
  it('tails a file and its growth, committing the offset with the lines', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 3));
    const t = make();
    expect(await t.pollOnce()).toBe(3);
    append(file(), lines(4, 5));
    expect(await t.pollOnce()).toBe(2);
    expect(await t.pollOnce()).toBe(0);
    expect(store.texts()).toEqual(lines(1, 5));
    const [pos] = store.load('app');
    expect(pos.offset).toBe(fs.statSync(file()).size);
    const st = t.status();
    expect(st.files).toHaveLength(1);
    expect(st.files[0]).toMatchObject({ lagBytes: 0, linesRead: 5, state: 'reading', size: pos.offset });
    expect(st.totals.linesRead).toBe(5);
    await t.stop();
  });

  it('holds a partial last line until its newline arrives', async () => {
    const { file, make, store } = env();
    fs.writeFileSync(file(), 'first\nsec');
    const t = make();
    expect(await t.pollOnce()).toBe(1);
    expect(store.load('app')[0].offset).toBe(6);
    expect(t.status().files[0].lagBytes).toBe(3);
    fs.appendFileSync(file(), 'ond');
    expect(await t.pollOnce()).toBe(0);
    fs.appendFileSync(file(), '\nthird\n');
    expect(await t.pollOnce()).toBe(2);
    expect(store.texts()).toEqual(['first', 'second', 'third']);
    await t.stop();
  });

  it('a restarted tailer re-reads a held partial line from the committed offset', async () => {
    const { file, make, store } = env();
    fs.writeFileSync(file(), 'a\nhalf');
    await make().pollOnce();
    fs.appendFileSync(file(), ' done\n');
    await make().pollOnce();
    expect(store.texts()).toEqual(['a', 'half done']);
  });

  it('truncates and flags a 2 MiB line without stalling; the next line is intact', async () => {
    const { file, make, store } = env();
    const big = 'x'.repeat(2 * 1024 * 1024);
    fs.writeFileSync(file(), `before\n${big}\nafter\n`);
    const t = make();
    expect(await t.pollOnce()).toBe(3);
    const [a, b, c] = store.lines;
    expect(a).toMatchObject({ text: 'before', truncated: false });
    expect(b.truncated).toBe(true);
    expect(b.text.length).toBe(256 * 1024);
    expect(c).toMatchObject({ text: 'after', truncated: false });
    expect(store.load('app')[0].offset).toBe(fs.statSync(file()).size);
    expect(t.status().files[0].linesTruncated).toBe(1);
  });

  it('a long line arriving over several polls is emitted once, when its newline arrives', async () => {
    const { file, make, store } = env();
    const t = make();
    fs.writeFileSync(file(), 'y'.repeat(700 * 1024));
    expect(await t.pollOnce()).toBe(0);
    fs.appendFileSync(file(), 'y'.repeat(700 * 1024));
    expect(await t.pollOnce()).toBe(0);
    fs.appendFileSync(file(), 'yy\nnext\n');
    expect(await t.pollOnce()).toBe(2);
    expect(store.lines.map((l) => [l.text.length, l.truncated])).toEqual([
      [256 * 1024, true],
      [4, false],
    ]);
  });

  it('cuts a truncated line on a UTF-8 character boundary', async () => {
    const { file, make, store } = env(undefined, { maxLineBytes: 10 });
    fs.writeFileSync(file(), 'abcdefghé€xyz\nok\n');
    await make().pollOnce();
    expect(store.lines[0]).toMatchObject({ text: 'abcdefghé', truncated: true });
    expect(store.lines[1].text).toBe('ok');
  });

  it('strips CRLF, skips blank lines but moves past them', async () => {
    const { file, make, store } = env();
    fs.writeFileSync(file(), 'one\r\n\r\n\ntwo\r\n\n');
    await make().pollOnce();
    expect(store.texts()).toEqual(['one', 'two']);
    expect(store.load('app')[0].offset).toBe(fs.statSync(file()).size);
  });

  it('keeps invalid UTF-8 bytes as replacement characters', async () => {
    const { file, make, store } = env();
    fs.writeFileSync(
      file(),
      Buffer.concat([Buffer.from('bad '), Buffer.from([0xff, 0xc3]), Buffer.from(' end\nok\n')]),
    );
    await make().pollOnce();
    expect(store.texts()).toEqual(['bad \uFFFD\uFFFD end', 'ok']);
  });

  it('an empty file that grows later is the same file, read once from 0', async () => {
    const { file, make, store } = env();
    fs.writeFileSync(file(), '');
    const t = make({ source: { name: 'app', path: file(), startAt: 'end' } });
    await t.pollOnce();
    expect(store.load('app')[0].fingerprint.startsWith('0:')).toBe(true);
    append(file(), ['short']);
    await t.pollOnce();
    append(file(), lines(1, 100));
    await t.pollOnce();
    expect(store.texts()).toEqual(['short', ...lines(1, 100)]);
    expect(store.load('app')[0].fingerprint.startsWith('1024:')).toBe(true);
    append(file(), ['later']);
    await make().pollOnce();
    expect(store.texts().at(-1)).toBe('later');
    expect(store.lines).toHaveLength(102);
  });
});

describe('start_at', () => {
  it('beginning reads existing content; end starts at the last complete line', async () => {
    const a = env();
    fs.writeFileSync(a.file(), 'old 1\nold 2\npart');
    expect(await a.make().pollOnce()).toBe(2);
    await a.cleanup();

    const b = env();
    fs.writeFileSync(b.file(), 'old 1\nold 2\npart');
    const t = b.make({ source: { name: 'app', path: b.file(), startAt: 'end' } });
    expect(await t.pollOnce()).toBe(0);
    expect(b.store.load('app')[0].offset).toBe(12);
    fs.appendFileSync(b.file(), 'ial\nnew\n');
    await t.pollOnce();
    expect(b.store.texts()).toEqual(['partial', 'new']);
  });

  it('a file seen before resumes at its committed offset even with start_at=end', async () => {
    const { file, make, store } = env();
    append(file(), lines(1, 5));
    await make().pollOnce();
    append(file(), lines(6, 8));
    await make({ source: { name: 'app', path: file(), startAt: 'end' } }).pollOnce();
    expect(store.texts()).toEqual(lines(1, 8));
  });

  it('files appearing after the first scan are read from 0 even with start_at=end', async () => {
    const { file, make, store } = env('*.log');
    append(file('a.log'), lines(1, 3));
    const t = make({ source: { name: 'app', path: file('*.log'), startAt: 'end' } });
    await t.pollOnce();
    append(file('b.log'), lines(4, 6));
    await t.pollOnce();
    expect(store.texts()).toEqual(lines(4, 6));
  });
});
