// npm run bench:search — 7 days of a busy proxy (CCProxy v0 and v1 plus a JSON app log, SEARCH_LINES_PER_DAY
// lines a day, 1M by default) imported with `npm run import`, then served by `npm start`: p50/p95 of
// /api/v1/logs and /api/v1/logs/histogram per query shape and window, right after the import and after a
// restart; database bytes per line; the import's rate. SEARCH_SMALL=1 repeats it all at 1/10 of the volume first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openReadDb } from '@/lib/db/connection';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';
import { writeSearchCorpus } from './search-corpus';
import { buildOnce, startServer, stopServer } from './server';

const DAY = 86_400_000;
const PER_DAY = Number(process.env.SEARCH_LINES_PER_DAY ?? 1_000_000);
const RUNS = Number(process.env.SEARCH_RUNS ?? 7);
const PORT = 3907;
const root = path.resolve(import.meta.dirname, '..', '..');

const QUERIES: Record<string, string> = {
  absent: 'timeout',
  rare: 'quota',
  common: 'groq',
  phrase: '"HTTP response error"',
  prefix: 'respon*',
  field: 'action:anthropic_request',
  negation: '-groq',
  mix: 'error -groq status:>=500',
};
const WINDOWS = ['15m', '1h', '24h', '7d'];

type Table = Record<string, Record<string, string>>;

async function time(url: string): Promise<{ ms: number; partial: boolean }> {
  const t = performance.now();
  const r = await fetch(url, { headers: { authorization: 'Bearer bench' } });
  const body = (await r.json()) as { partial?: boolean };
  if (!r.ok) throw new Error(`${url} → ${r.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - t, partial: body.partial === true };
}

function importAll(dataDir: string, files: Record<string, string>): number {
  const started = Date.now();
  for (const [name, file] of Object.entries(files)) {
    const r = spawnSync('npx', ['tsx', 'scripts/import.ts', file, '--source', name], {
      cwd: root,
      env: { ...process.env, LOOKOUT_DATA_DIR: dataDir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (r.status !== 0) throw new Error(`import of ${name} failed`);
  }
  return Date.now() - started;
}

async function measure(base: string): Promise<{ table: Table; worst: number; partials: number }> {
  const table: Table = {};
  let worst = 0;
  let partials = 0;
  for (const [name, q] of Object.entries(QUERIES)) {
    for (const kind of ['search', 'histogram']) {
      const row: Record<string, string> = {};
      for (const w of WINDOWS) {
        const path = kind === 'search' ? '/api/v1/logs' : '/api/v1/logs/histogram';
        const url = `${base}${path}?from=now-${w}&to=now&q=${encodeURIComponent(q)}${kind === 'search' ? '&limit=100' : ''}`;
        const times: number[] = [];
        let partial = false;
        for (let i = 0; i < RUNS; i++) {
          const r = await time(url);
          times.push(r.ms);
          partial ||= r.partial;
        }
        const p50 = exactQuantile(times, 0.5)!;
        const p95 = exactQuantile(times, 0.95)!;
        worst = Math.max(worst, p95);
        if (partial) partials++;
        row[w] = `${Math.round(p50)} / ${Math.round(p95)}${partial ? ' P' : ''}`;
      }
      table[`${name} ${kind}`] = row;
    }
  }
  return { table, worst, partials };
}

async function run(perDay: number): Promise<void> {
  const dir = tempDir('lookout-bench-search-');
  const dataDir = path.join(dir, 'data');
  const lines = perDay * 7;
  const now = Date.now();
  const t0 = Date.now();
  const files = writeSearchCorpus(dir, lines, now - 7 * DAY + 600_000, 7 * DAY - 660_000);
  console.log(
    `\n== ${lines.toLocaleString()} lines (${perDay.toLocaleString()}/day): written in ${Math.round((Date.now() - t0) / 1000)} s`,
  );
  const importMs = importAll(dataDir, files);
  for (const f of Object.values(files)) fs.rmSync(f);
  const db = openReadDb(dataDir);
  const stored = db.prepare('SELECT COUNT(*) FROM logs').pluck().get() as number;
  const fts = db.prepare(`SELECT value FROM meta WHERE key = 'fts_indexed_id'`).pluck().get() as number;
  const maxId = db.prepare('SELECT MAX(id) FROM logs').pluck().get() as number;
  db.close();
  const bytes = fs.readdirSync(dataDir).reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0);
  console.log(
    `import: ${stored.toLocaleString()} lines stored in ${(importMs / 1000).toFixed(1)} s (${Math.round(stored / (importMs / 1000)).toLocaleString()} lines/s); full-text index at ${fts.toLocaleString()} of ${maxId.toLocaleString()}; data directory ${Math.round(bytes / stored)} bytes/line (${(bytes / 1048576).toFixed(0)} MB, WAL included)`,
  );
  const env = { LOOKOUT_DATA_DIR: dataDir, LOOKOUT_ADMIN_TOKEN: 'bench' };
  for (const phase of ['right after the import', 'after a restart']) {
    const server = await startServer(env, PORT);
    // One call compiles the routes; not counted.
    await time(`http://127.0.0.1:${PORT}/api/v1/logs/histogram?from=now-15m&to=now`);
    const { table, worst, partials } = await measure(`http://127.0.0.1:${PORT}`);
    await stopServer(server);
    console.log(`${phase}: p50 / p95 ms (P: the histogram said partial)`);
    console.table(table);
    console.log(
      `${worst < 300 ? 'PASS' : 'MISS'}  every p95 < 300 ms (worst ${Math.round(worst)} ms); ${partials} partial answers`,
    );
  }
  // Stopped, the server has checkpointed the WAL into the database file: this is what the lines cost.
  const dbBytes = fs.statSync(path.join(dataDir, 'lookout.db')).size;
  console.log(
    `database file after the runs: ${Math.round(dbBytes / stored)} bytes/line (${(dbBytes / 1048576).toFixed(0)} MB)`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main() {
  buildOnce();
  if (process.env.SEARCH_SMALL === '1') await run(Math.round(PER_DAY / 10));
  await run(PER_DAY);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
