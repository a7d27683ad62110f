import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import { ADMIN, lookoutPerTest } from '../helpers/lookout';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function runBackup(dataDir: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, 'scripts/backup.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, LOOKOUT_DATA_DIR: dataDir },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b));
    child.stderr.on('data', (b: Buffer) => (err += b));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** One durable batch of log lines `seq N`, through the real ingest endpoint. */
async function ingest(from: number, n: number): Promise<void> {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ level: 'info', msg: `seq ${from + i} ${'x'.repeat(120)}`, time: '2026-11-27T11:59:00Z' }),
  );
  const res = await logs.POST(
    new Request('http://127.0.0.1/api/v1/logs?source=writer', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    }),
  );
  expect(res.status).toBe(200);
}

const start = lookoutPerTest();

describe('npm run backup', () => {
  it('copies the live database while a writer keeps inserting: integrity ok and a consistent prefix of the writes', async () => {
    const ctx = start();
    const dataDir = ctx.lookout.env.dataDir;
    let written = 0;
    for (; written < 20_000; written += 1_000) await ingest(written, 1_000);

    const copy = path.join(ctx.dir, 'copy.db');
    const backup = runBackup(dataDir, [copy, '--step-pages', '16']);
    let done = false;
    void backup.then(() => (done = true));
    let duringBackup = 0;
    while (!done) {
      await ingest(written, 50);
      written += 50;
      duringBackup++;
      await new Promise((r) => setTimeout(r, 1)); // lets the child's exit event in, as Lookout's event loop would
    }
    const r = await backup;
    expect(r.code, r.err).toBe(0);
    expect(duringBackup).toBeGreaterThan(0);
    expect(r.out).toContain('integrity_check: ok');
    expect(r.out).toMatch(/logs\s+[\d,]+ rows/);
    expect(r.err).toContain('100.0%');
    expect(fs.readdirSync(ctx.dir).filter((f) => f.includes('.partial-'))).toEqual([]);

    const db = new Database(copy, { readonly: true, fileMustExist: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      const seqs = (db.prepare('SELECT message FROM logs').pluck().all() as string[]).map((m) =>
        Number(/^seq (\d+)/.exec(m)?.[1]),
      );
      const sorted = [...seqs].sort((a, b) => a - b);
      expect(sorted.length).toBeGreaterThanOrEqual(20_000);
      expect(sorted.length).toBeLessThan(written);
      // A consistent prefix: every line up to the newest one in the copy, none missing, none twice.
      expect(sorted.every((s, i) => s === i)).toBe(true);
      const source = db
        .prepare('SELECT lines_accepted FROM log_sources WHERE name = ?')
        .pluck()
        .get('writer') as number;
      expect(source).toBe(sorted.length);
      const printed = Number(/logs\s+([\d,]+) rows/.exec(r.out)?.[1].replace(/,/g, ''));
      expect(printed).toBe(sorted.length);
    } finally {
      db.close();
    }
    expect(ctx.lookout.db.prepare('SELECT COUNT(*) FROM logs').pluck().get()).toBe(written);
  }, 120_000);

  it('refuses to overwrite a file unless --force, and explains a missing database', async () => {
    const ctx = start();
    const dataDir = ctx.lookout.env.dataDir;
    const target = path.join(ctx.dir, 'existing.db');
    fs.writeFileSync(target, 'keep me');
    const refused = await runBackup(dataDir, [target]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--force');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me');

    const forced = await runBackup(dataDir, [target, '--force']);
    expect(forced.code, forced.err).toBe(0);
    const db = new Database(target, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE name = 'targets'").pluck().get()).toBe(1);
    db.close();

    const missing = await runBackup(path.join(ctx.dir, 'nowhere'), [path.join(ctx.dir, 'x.db')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no database at');
    const usage = await runBackup(dataDir, []);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('usage: npm run backup -- FILE');
  }, 60_000);
});
