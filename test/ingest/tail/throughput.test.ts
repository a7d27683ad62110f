import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { lines, setup } from './memory-store';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

it('prints tailing throughput for a 200k-line file with a no-op commit', async () => {
  const e = setup('app.log');
  cleanup = e.cleanup;
  const fd = fs.openSync(e.file(), 'w');
  for (let i = 0; i < 200; i++) {
    fs.writeSync(fd, lines(i * 1000 + 1, i * 1000 + 1000, `2026-01-01T00:00:00Z INFO request served path=/api/v1/x status=200 ms=${i}`).join('\n') + '\n');
  }
  fs.closeSync(fd);
  let count = 0;
  const t = e.make({ commit: (b) => void (count += b.lines.length) });
  const started = performance.now();
  await t.pollOnce();
  const secs = (performance.now() - started) / 1000;
  const mb = fs.statSync(e.file()).size / 1e6;
  console.log(`tail throughput: ${count} lines, ${mb.toFixed(1)} MB in ${secs.toFixed(2)} s = ${Math.round(count / secs)} lines/s, ${(mb / secs).toFixed(0)} MB/s`);
  expect(count).toBe(200_000);
});
