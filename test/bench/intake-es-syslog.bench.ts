// npm run bench:intake-es — Elasticsearch bulk from the official client's bulk helper (with and without `_id`)
// and syslog over TCP, against the same pipeline fed by a tailed file, in one run, on one Lookout with its
// ingestion threads. The clients run in processes of their own (BENCH_SENDERS each), as shippers would.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { buildWorker } from '../../scripts/build-worker.mjs';
import { serveElasticsearch } from '../elasticsearch/es-server';
import { tempDir } from '../helpers/temp-dir';
import { benchAttrs as attrs, benchMessage as message } from './intake-records';

const RECORDS = Number(process.env.BENCH_LINES ?? 200_000);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 2);
const TOKEN = 'bench';

function stored(db: ReturnType<typeof startLookout>['readDb'], source: string): number {
  return db
    .prepare('SELECT COUNT(*) FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = ?)')
    .pluck()
    .get(source) as number;
}

async function waitFor(count: () => number, n: number): Promise<void> {
  const deadline = Date.now() + 1_800_000;
  while (count() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (count() < n) throw new Error(`only ${count()} of ${n} stored`);
}

/**
 * Runs BENCH_SENDERS copies of a sender and times them from `started` (their first request, after they loaded)
 * until the source holds every record.
 */
async function timed(
  sender: string,
  env: Record<string, string>,
  count: () => number,
  started: () => boolean,
): Promise<number> {
  const children = Array.from({ length: SENDERS }, (_, k) =>
    fork(path.join(import.meta.dirname, sender), {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        ...env,
        BENCH_LINES: String(RECORDS / SENDERS),
        BENCH_OFFSET: String((k * RECORDS) / SENDERS),
      },
    }),
  );
  const exits = children.map((p) => new Promise<number | null>((r) => p.on('exit', r)));
  while (!started()) await new Promise((r) => setTimeout(r, 2));
  const t = performance.now();
  await waitFor(count, RECORDS);
  if ((await Promise.all(exits)).some((code) => code !== 0)) throw new Error(`a ${sender} failed`);
  return Math.round(RECORDS / ((performance.now() - t) / 1000));
}

async function main() {
  buildWorker(process.cwd());
  const dir = tempDir();
  const configFile = path.join(dir, 'lookout.yml');
  fs.writeFileSync(configFile, 'syslog: { listen: "127.0.0.1:0", protocol: tcp, source: syslog }\n');
  const lookout = startLookout({
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile,
      adminToken: TOKEN,
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  setLookout(lookout);
  const server = await serveElasticsearch();
  try {
    const file = path.join(dir, 'app.log');
    const out = fs.openSync(file, 'w');
    const now = Date.now();
    for (let i = 0; i < RECORDS; i += 10_000) {
      const chunk: string[] = [];
      for (let j = i; j < Math.min(RECORDS, i + 10_000); j++)
        chunk.push(JSON.stringify({ time: new Date(now).toISOString(), level: 'info', msg: message(j), ...attrs(j) }));
      fs.writeSync(out, `${chunk.join('\n')}\n`);
    }
    fs.closeSync(out);
    let t = performance.now();
    await lookout.ingest.addFileSource({ name: 'tailed', path: file, start_at: 'beginning', format: 'json' }, dir);
    await waitFor(() => stored(lookout.readDb, 'tailed'), RECORDS);
    const tailed = Math.round(RECORDS / ((performance.now() - t) / 1000));

    const es = { ES_URL: server.url, ES_TOKEN: TOKEN };
    let seen = server.requests;
    const bulk = await timed(
      'es-sender.ts',
      { ...es, ES_INDEX: 'logs-es-default' },
      () => stored(lookout.readDb, 'es'),
      () => server.requests > seen,
    );
    seen = server.requests;
    const bulkIds = await timed(
      'es-sender.ts',
      { ...es, ES_INDEX: 'logs-esid-default', BENCH_IDS: '1' },
      () => stored(lookout.readDb, 'esid'),
      () => server.requests > seen,
    );
    t = performance.now();
    while (lookout.syslog.addresses().tcp === null && performance.now() - t < 10_000)
      await new Promise((r) => setTimeout(r, 20));
    // Syslog has no requests to count: the clock starts at the first stored batch (at most 100 ms late).
    const syslog = await timed(
      'syslog-sender.ts',
      { SYSLOG_PORT: String(lookout.syslog.addresses().tcp) },
      () => stored(lookout.readDb, 'syslog'),
      () => stored(lookout.readDb, 'syslog') > 0,
    );
    const ratio = (n: number) => Math.round((n / tailed) * 100) / 100;
    const figures = {
      records: RECORDS,
      senders: SENDERS,
      tailed_file_records_per_s: tailed,
      es_bulk_records_per_s: bulk,
      es_bulk_with_ids_records_per_s: bulkIds,
      syslog_tcp_records_per_s: syslog,
      ratio_es_bulk: ratio(bulk),
      ratio_es_bulk_with_ids: ratio(bulkIds),
      ratio_syslog: ratio(syslog),
    };
    console.log(JSON.stringify(figures, null, 2));
    for (const [name, r] of [
      ['Elasticsearch bulk', figures.ratio_es_bulk],
      ['Elasticsearch bulk with _id', figures.ratio_es_bulk_with_ids],
      ['syslog over TCP', figures.ratio_syslog],
    ] as const)
      console.log(`${r >= 0.8 ? 'PASS' : 'MISS'} ${name} at ≥ 0.8 of the tailed-file rate (${r})`);
  } finally {
    await server.close();
    clearLookout();
    await lookout.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
