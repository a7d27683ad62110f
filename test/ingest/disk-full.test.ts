import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as system from '@/app/api/v1/system/route';
import * as metrics from '@/app/metrics/route';
import { systemClock } from '@/lib/clock';
import type { Lookout } from '@/lib/engine/context';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { RESERVE_FILE } from '@/lib/engine/storage-guard';
import { ADMIN, call } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

const ROOT_USER = process.getuid?.() === 0;
const REQUIRED = process.env.CI === 'true';
if (!ROOT_USER && !REQUIRED)
  console.warn('[disk-full] skipped: mounting a size-limited tmpfs needs root (under CI=true this test is required)');

/** CCProxy v1 traffic, as in the kill -9 test: a Routed line, a request line and a response line per request. */
function traffic(from: number, n: number, t0: number): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const time = new Date(t0 + i * 20).toISOString();
    const provider = ['groq', 'openai', 'gemini'][i % 3];
    out.push(
      `{"level":"info","msg":"Routed to provider=${provider}, model=m${i % 2}, tokens=${100 + (i % 7)}, strategy=explicit model selection","time":"${time}"}`,
      `{"client_ip":"127.0.0.1","level":"info","method":"POST","msg":"HTTP request received","path":"/v1/messages","seq":${i},"time":"${time}","type":"request"}`,
      `{"duration":${(0.1 + (i % 50) / 100).toFixed(3)},"level":"info","msg":"HTTP response sent","seq":${i},"size":1843,"status":${i % 10 === 0 ? 502 : 200},"time":"${time}","type":"response"}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** Writes 1 MiB at a time until the filesystem refuses: the disk is then full to the last block. */
function fill(file: string): number {
  const chunk = Buffer.alloc(1 << 20, 7);
  const fd = fs.openSync(file, 'a');
  let written = 0;
  try {
    for (;;) {
      try {
        written += fs.writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOSPC') break;
        throw err;
      }
    }
    // A partial block is left: fill it with small writes.
    for (;;) {
      try {
        written += fs.writeSync(fd, chunk, 0, 4096);
      } catch {
        break;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return written;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 60_000): Promise<number> {
  const start = Date.now();
  while (!(await ok())) {
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting until ${what}`);
    await sleep(50);
  }
  return Date.now() - start;
}

async function postLines(source: string, first: number, n: number) {
  const body = Array.from({ length: n }, (_, i) =>
    JSON.stringify({ level: 'info', msg: `http line ${first + i}`, n: first + i, pad: 'x'.repeat(200) }),
  ).join('\n');
  const res = await logs.POST(
    new Request(`http://127.0.0.1/api/v1/logs?source=${source}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body,
    }),
  );
  return {
    status: res.status,
    body: (await res.json()) as { accepted?: number; error?: { code: string; message: string } },
  };
}

async function metricsText(): Promise<string> {
  const res = await metrics.GET(
    new Request('http://127.0.0.1/metrics', { headers: { authorization: `Bearer ${ADMIN}` } }),
    { params: Promise.resolve({}) } as never,
  );
  return res.text();
}

type Storage = {
  state: string;
  reason: string | null;
  free_bytes: number | null;
  faults: number;
  checks_pending: number;
  checks_dropped: number;
};
const storageOf = async () => ((await call(system.GET, '/api/v1/system')).body as { storage: Storage }).storage;

describe.runIf(ROOT_USER || REQUIRED)('a full disk under the data directory', () => {
  const base = tempDir('lookout-disk-');
  const dataDir = path.join(base, 'data');
  const log = path.join(base, 'ccproxy.log');
  let mounted = false;
  let lookout: Lookout | null = null;
  // The service's /health, probed every second while the disk fills.
  const health = http.createServer((_req, res) => res.end('{"status":"ok"}'));

  afterAll(async () => {
    clearLookout();
    await lookout?.stop();
    health.close();
    if (mounted) execFileSync('/usr/bin/umount', [dataDir]);
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('pauses ingestion, answers 507, says so in /system and /metrics, and resumes with every line stored once', async () => {
    fs.mkdirSync(dataDir);
    execFileSync('/usr/bin/mount', ['-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', dataDir]);
    mounted = true;
    const config = path.join(base, 'lookout.yml');
    await new Promise<void>((r) => health.listen(0, '127.0.0.1', r));
    const healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
    fs.writeFileSync(
      config,
      `targets:\n  - name: ccproxy\n    url: ${healthUrl}\n    interval: 1s\n` +
        `logs:\n  - name: ccproxy\n    path: ccproxy.log\n    format: ccproxy\n`,
    );
    // Recent, so retention (7 days) keeps every line.
    const t0 = Date.now() - 3_600_000;
    let written = 0;
    const write = (n: number) => {
      fs.appendFileSync(log, traffic(written, n, t0));
      written += n;
    };
    write(2_000);

    lookout = startLookout({
      clock: systemClock,
      env: {
        port: 0,
        host: '127.0.0.1',
        dataDir,
        configFile: config,
        adminToken: ADMIN,
        anonymousRead: false,
        externalUrl: 'http://127.0.0.1',
      },
    });
    setLookout(lookout);
    const db = new Database(path.join(dataDir, 'lookout.db'), { readonly: true, fileMustExist: true });
    const count = (sql: string) => db.prepare(sql).pluck().get() as number;
    const ccproxyLines = () =>
      count(`SELECT COUNT(*) FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = 'ccproxy')`);
    try {
      await until('the first traffic is stored', () => ccproxyLines() === written * 3);
      await until('the reserve file is made', () => fs.existsSync(path.join(dataDir, RESERVE_FILE)));
      expect((await storageOf()).state).toBe('ok');
      expect(await metricsText()).toMatch(/^lookout_storage_full 0$/m);
      let accepted = 0;
      const ok = await postLines('http', 0, 500);
      expect(ok.status).toBe(200);
      accepted += ok.body.accepted ?? 0;

      // Fill the disk while CCProxy keeps writing; the guard gives back the reserve, which ingestion then uses up.
      const filler = path.join(dataDir, 'filler');
      // Results waiting in memory while full, and those stored by then: all of both are stored in the end.
      let pendingSeen = 0;
      let checksWhileFull = 0;
      fill(filler);
      const feeding = setInterval(() => write(200), 100);
      try {
        await until('the storage guard reports a full disk', () => lookout!.storage.status().state === 'full', 30_000);
        await until('the reserve file is given back', () => !fs.existsSync(path.join(dataDir, RESERVE_FILE)));
        fill(filler);
        // Lines may still fit into space SQLite holds; posts go on until one is refused, and that one stores nothing.
        let refused: Awaited<ReturnType<typeof postLines>> | null = null;
        for (let i = 0; i < 40 && !refused; i++) {
          const before = count(`SELECT COUNT(*) FROM logs WHERE message LIKE 'http line %'`);
          const r = await postLines('http', 1_000 + i * 2_000, 2_000);
          if (r.status === 507) {
            refused = r;
            expect(count(`SELECT COUNT(*) FROM logs WHERE message LIKE 'http line %'`)).toBe(before);
          } else {
            expect(r.status).toBe(200);
            accepted += r.body.accepted ?? 0;
            fill(filler);
          }
        }
        expect(refused?.body.error?.code).toBe('storage_full');
        expect(refused?.body.error?.message).toMatch(/full.*nothing of this request was stored/);

        const storage = await storageOf();
        expect(storage.state).toBe('full');
        expect(['SQLITE_FULL', 'ENOSPC']).toContain(storage.reason);
        expect(storage.free_bytes).toBeLessThan(4 << 20);
        expect(storage.faults).toBeGreaterThan(0);
        expect(await metricsText()).toMatch(/^lookout_storage_full 1$/m);
        // Ingestion is paused, not lost: the tailed lines stop short of what CCProxy wrote; probes go on in memory.
        await until(
          'probe results wait in memory',
          async () => (pendingSeen = (await storageOf()).checks_pending) >= 2,
          10_000,
        );
        checksWhileFull = count('SELECT COUNT(*) FROM checks');
        expect(ccproxyLines()).toBeLessThan(written * 3);
      } finally {
        clearInterval(feeding);
      }

      write(1_000);
      const freedAt = Date.now();
      fs.rmSync(filler);
      const resumeMs = await until('the storage guard reports ok', () => lookout!.storage.status().state === 'ok');
      const catchUpMs = await until('every written line is stored', () => ccproxyLines() === written * 3);
      console.log(
        `[disk-full] after space came back: storage ok in ${resumeMs} ms, ${written} requests (${written * 3} lines) all stored ${Date.now() - freedAt} ms after freeing (catch-up ${catchUpMs} ms)`,
      );
      expect(fs.existsSync(path.join(dataDir, RESERVE_FILE))).toBe(true);
      await until(
        'the waiting probe results are written',
        async () => (await storageOf()).checks_pending === 0,
        10_000,
      );
      expect((await storageOf()).checks_dropped).toBe(0);
      expect(count('SELECT COUNT(*) FROM checks')).toBeGreaterThanOrEqual(checksWhileFull + pendingSeen);
      expect(count('SELECT COUNT(DISTINCT ts) FROM checks')).toBe(count('SELECT COUNT(*) FROM checks'));
      expect(await metricsText()).toMatch(/^lookout_storage_full 0$/m);
      const after = await postLines('http', 900_000, 100);
      expect(after.status).toBe(200);
      accepted += after.body.accepted ?? 0;

      // Exactly once: every line, request and rollup count matches what was written.
      await sleep(1_000);
      expect(ccproxyLines()).toBe(written * 3);
      expect(
        count(
          "SELECT COUNT(DISTINCT json_extract(fields, '$.seq') || '/' || message) FROM logs WHERE json_extract(fields, '$.seq') IS NOT NULL",
        ),
      ).toBe(written * 2);
      expect(count('SELECT COUNT(*) FROM requests')).toBe(written);
      expect(count('SELECT SUM(requests) FROM log_rollups WHERE res = 60000')).toBe(written);
      expect(count('SELECT offset FROM log_positions')).toBe(fs.statSync(log).size);
      expect(count(`SELECT COUNT(*) FROM logs WHERE message LIKE 'http line %'`)).toBe(accepted);
      expect(count(`SELECT COUNT(DISTINCT message) FROM logs WHERE message LIKE 'http line %'`)).toBe(accepted);
    } finally {
      db.close();
    }
  }, 240_000);
});
