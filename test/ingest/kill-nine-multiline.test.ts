import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const EVENTS = 48_000;

/** Java services' logs: most events are one line, every third is an error with its stack trace (3 to 14 lines). */
function javaEvents(): string[] {
  const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
  const out: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const time = new Date(t0 + i * 100).toISOString().replace('T', ' ').replace('Z', '');
    if (i % 3 !== 0) {
      out.push(`${time} INFO  [worker-${i % 4}] c.e.jobs.Runner - job ${i} done`);
      continue;
    }
    const frames = Array.from(
      { length: 1 + (i % 11) },
      (_, k) => `\tat com.example.jobs.Step${k}.run(Step${k}.java:${10 + k})`,
    );
    const lines = [
      `${time} ERROR [worker-${i % 4}] c.e.jobs.Runner - job ${i} failed`,
      `java.lang.IllegalStateException: job ${i} has no input`,
      ...frames,
    ];
    if (i % 2 === 0) lines.push(`Caused by: java.io.FileNotFoundException: /data/in-${i}.csv`, '\t... 4 more');
    out.push(lines.join('\n'));
  }
  out.push(`${new Date(t0 + EVENTS * 100).toISOString()} INFO shutdown`);
  return out;
}

function open(db: string): Database.Database | null {
  return fs.existsSync(db) ? new Database(db, { readonly: true, fileMustExist: true }) : null;
}

// One reader kept open: opening a connection per check would let the child race through several batches unseen.
let reader: Database.Database | null = null;
function count(db: string): number {
  try {
    reader ??= open(db);
    return (reader?.prepare('SELECT COUNT(*) FROM logs').pluck().get() as number) ?? 0;
  } catch {
    return 0;
  }
}

describe('exactly once across kill -9, with multi-line events', () => {
  it('stores every stack trace once and whole when the ingesting process is killed mid-stream', async () => {
    const dir = tempDir('lookout-kill-ml-');
    const log = path.join(dir, 'jobs.log');
    const events = javaEvents();
    fs.writeFileSync(log, `${events.join('\n')}\n`);
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(config, 'logs:\n  - name: jobs\n    path: jobs.log\n');
    const dataDir = path.join(dir, 'data');
    const db = path.join(dataDir, 'lookout.db');

    let kills = 0;
    for (let round = 0; round < 16; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/ingest/fixtures/ingest-child.ts', dataDir, config],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const before = count(db);
      let idle = false;
      child.stdout!.on('data', (d: Buffer) => (idle ||= d.toString().includes('idle')));
      const deadline = Date.now() + 40_000;
      while (Date.now() < deadline && !(idle && count(db) === events.length)) {
        await new Promise((r) => setTimeout(r, 5));
        // Killed as soon as a batch has landed, so even a fast run is cut several times; the last round runs on.
        if (round < 15 && count(db) > before) break;
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      if (idle && count(db) === events.length) break;
      kills++;
    }

    reader?.close();
    reader = null;
    expect(kills, `kills: ${kills}`).toBeGreaterThan(2);
    const conn = open(db)!;
    const stored = conn.prepare('SELECT message FROM logs ORDER BY ts, id').pluck().all() as string[];
    const levels = conn.prepare("SELECT COUNT(*) FROM logs WHERE level = 'error'").pluck().get() as number;
    const offset = conn.prepare('SELECT offset FROM log_positions').pluck().get() as number;
    conn.close();
    expect(stored.length).toBe(events.length);
    expect(stored).toEqual(events);
    expect(levels).toBe(EVENTS / 3);
    expect(offset).toBe(fs.statSync(log).size);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
