// npm run backup -- FILE [--force] [--step-pages N]: a consistent copy of data/lookout.db while Lookout runs,
// through SQLite's online backup, verified with PRAGMA integrity_check before it takes FILE's name.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readEnv } from '@/lib/config/env';

function fail(message: string, usage = false): never {
  console.error(`backup: ${message}${usage ? '\nusage: npm run backup -- FILE [--force]' : ''}`);
  process.exit(usage ? 2 : 1);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const stepAt = args.indexOf('--step-pages');
const stepPages = stepAt >= 0 ? Number(args[stepAt + 1]) : 2_000;
if (!Number.isInteger(stepPages) || stepPages < 1) fail('--step-pages needs a positive whole number.', true);
const files = args.filter((a, i) => !a.startsWith('--') && (stepAt < 0 || i !== stepAt + 1));
if (files.length !== 1) fail('name one file to write the copy to.', true);

const source = path.join(readEnv().dataDir, 'lookout.db');
const dest = path.resolve(files[0]);
if (!fs.existsSync(source)) fail(`no database at ${source}; set LOOKOUT_DATA_DIR to Lookout's data directory.`);
if (dest === path.resolve(source)) fail('the copy cannot replace the live database.');
if (fs.existsSync(dest) && !force) fail(`${dest} already exists; pass --force to overwrite it.`);
if (!fs.existsSync(path.dirname(dest))) fail(`the directory ${path.dirname(dest)} does not exist.`);

const mb = (pages: number, pageSize: number) => `${((pages * pageSize) / 1048576).toFixed(1)} MB`;
const partial = `${dest}.partial-${process.pid}`;
const started = Date.now();

async function copy(): Promise<void> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  let lastRemaining = Infinity;
  let restarts = 0;
  try {
    await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        // A write by Lookout restarts the copy; after a few restarts take the rest in one step (one read snapshot).
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        show(totalPages - remainingPages, totalPages, restarts);
        return restarts >= 3 ? totalPages : stepPages;
      },
    });
    const total = db.pragma('page_count', { simple: true }) as number;
    show(total, total, restarts);
  } finally {
    db.close();
  }
  process.stderr.write('\n');

  function show(done: number, total: number, restarts: number): void {
    const bar = '#'.repeat(Math.round((done / total) * 30)).padEnd(30, '.');
    const note = restarts ? `  (restarted ${restarts}× by concurrent writes)` : '';
    process.stderr.write(
      `\r[${bar}] ${((done / total) * 100).toFixed(1)}%  ${mb(done, pageSize)} / ${mb(total, pageSize)}${note}   `,
    );
  }
}

/** Opens the copy alone: integrity check and a row count per table, printed for the record. */
function verify(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    // A single self-contained file: Lookout switches it back to WAL when it opens it.
    db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check') as { integrity_check: string }[];
    if (check.length !== 1 || check[0].integrity_check !== 'ok') {
      throw new Error(
        `the copy failed PRAGMA integrity_check: ${check
          .slice(0, 5)
          .map((r) => r.integrity_check)
          .join('; ')}`,
      );
    }
    console.log('integrity_check: ok');
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    for (const t of tables) {
      const n = db
        .prepare(`SELECT COUNT(*) FROM "${t.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number;
      console.log(`  ${t.padEnd(28)} ${n.toLocaleString('en-US').padStart(12)} rows`);
    }
  } finally {
    db.close();
  }
}

try {
  console.log(`backup: copying ${source} → ${dest}`);
  await copy();
  verify(partial);
  for (const extra of ['-wal', '-shm', '-journal']) fs.rmSync(`${dest}${extra}`, { force: true });
  fs.renameSync(partial, dest);
  console.log(
    `backup: done in ${((Date.now() - started) / 1000).toFixed(1)} s, ${(fs.statSync(dest).size / 1048576).toFixed(1)} MB written to ${dest}`,
  );
} catch (err) {
  for (const extra of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${partial}${extra}`, { force: true });
  fail((err as Error).message);
}
