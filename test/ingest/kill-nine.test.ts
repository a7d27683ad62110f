import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const REQUESTS = 40_000;

/** CCProxy v1 traffic: a Routed line, a request line and a response line per request. */
function writeLog(file: string): void {
  const out: string[] = [];
  // Recent, so retention (7 days by default) in the child keeps every line whatever day the test runs.
  const t0 = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
  for (let i = 0; i < REQUESTS; i++) {
    const time = new Date(t0 + i * 50).toISOString();
    const provider = ['groq', 'openai', 'gemini'][i % 3];
    out.push(
      `{"level":"info","msg":"Routed to provider=${provider}, model=m${i % 2}, tokens=${100 + (i % 7)}, strategy=explicit model selection","time":"${time}"}`,
    );
    out.push(
      `{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","seq":${i},"time":"${time}","type":"request"}`,
    );
    out.push(
      `{"duration":${(0.1 + (i % 50) / 100).toFixed(3)},"level":"info","msg":"HTTP response sent","seq":${i},"size":1843,"status":${i % 10 === 0 ? 502 : 200},"time":"${time}","type":"response"}`,
    );
  }
  fs.writeFileSync(file, `${out.join('\n')}\n`);
}

function count(db: string, sql: string): number {
  if (!fs.existsSync(db)) return 0;
  const conn = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare(sql).pluck().get() as number;
  } catch {
    return 0;
  } finally {
    conn.close();
  }
}

function runChild(dataDir: string, config: string) {
  return spawn(process.execPath, ['--import', 'tsx', 'test/ingest/fixtures/ingest-child.ts', dataDir, config], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

describe('exactly once across kill -9', () => {
  it('loses nothing and doubles nothing when the ingesting process is killed mid-stream, again and again', async () => {
    const dir = tempDir('lookout-kill-');
    const log = path.join(dir, 'ccproxy.log');
    writeLog(log);
    const config = path.join(dir, 'lookout.yml');
    fs.writeFileSync(config, `logs:\n  - name: ccproxy\n    path: ccproxy.log\n    format: ccproxy\n`);
    const dataDir = path.join(dir, 'data');
    const db = path.join(dataDir, 'lookout.db');
    const total = REQUESTS * 3;

    let kills = 0;
    for (let round = 0; round < 12; round++) {
      const child = runChild(dataDir, config);
      const before = count(db, 'SELECT COUNT(*) FROM logs');
      let idle = false;
      child.stdout!.on('data', (d: Buffer) => (idle ||= d.toString().includes('idle')));
      // Kill once some new rows have landed; the last round runs to the end.
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && !idle) {
        await new Promise((r) => setTimeout(r, 20));
        if (round < 11 && count(db, 'SELECT COUNT(*) FROM logs') > before + 2_000) break;
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      if (!idle) kills++;
      if (idle) break;
    }

    expect(kills).toBeGreaterThan(2);
    expect(count(db, 'SELECT COUNT(*) FROM logs')).toBe(total);
    expect(
      count(
        db,
        "SELECT COUNT(DISTINCT json_extract(fields, '$.seq') || '/' || message) FROM logs WHERE json_extract(fields, '$.seq') IS NOT NULL",
      ),
    ).toBe(REQUESTS * 2);
    expect(count(db, 'SELECT COUNT(*) FROM requests')).toBe(REQUESTS);
    expect(count(db, 'SELECT COUNT(*) FROM requests WHERE provider IS NULL')).toBe(0);
    expect(count(db, 'SELECT SUM(requests) FROM log_rollups WHERE res = 60000')).toBe(REQUESTS);
    expect(count(db, 'SELECT SUM(input_tokens) FROM requests')).toBe(
      Array.from({ length: REQUESTS }, (_, i) => 100 + (i % 7)).reduce((a, b) => a + b, 0),
    );
    expect(count(db, 'SELECT offset FROM log_positions')).toBe(fs.statSync(log).size);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
