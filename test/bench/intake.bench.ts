// npm run bench:intake — OTLP/HTTP logs sent by the OpenTelemetry JS SDK's protobuf exporter (its own batches
// of 512) against the same pipeline fed by a tailed file, in one run, on one Lookout with its ingestion threads.

import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as otlpLogs from '@/app/v1/logs/route';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { buildWorker } from '../../scripts/build-worker.mjs';
import { serveRoutes } from '../helpers/intake-server';
import { tempDir } from '../helpers/temp-dir';
import { benchAttrs as attrs, benchMessage as message } from './intake-records';

const RECORDS = Number(process.env.BENCH_LINES ?? 200_000);
const TOKEN = 'bench';
const SENDERS = Number(process.env.BENCH_SENDERS ?? 4);

function stored(db: ReturnType<typeof startLookout>['readDb'], source: string): number {
  return db
    .prepare('SELECT COUNT(*) FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = ?)')
    .pluck()
    .get(source) as number;
}

async function waitFor(count: () => number, n: number): Promise<void> {
  const deadline = Date.now() + 900_000;
  while (count() < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (count() < n) throw new Error(`only ${count()} of ${n} stored`);
}

async function main() {
  buildWorker(process.cwd());
  const dir = tempDir();
  const lookout = startLookout({
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile: null,
      adminToken: TOKEN,
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  setLookout(lookout);
  const server = await serveRoutes({ '/v1/logs': { POST: otlpLogs.POST } });
  try {
    // The tailed file: the same records as JSON lines, as an application would write them.
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
    const tailedSecs = (performance.now() - t) / 1000;

    // The SDK runs in processes of their own, as instrumented applications would (BENCH_SENDERS of them,
    // like a Collector's parallel consumers); the clock starts at their first request, after they loaded.
    const senders = Array.from({ length: SENDERS }, (_, k) =>
      fork(path.join(import.meta.dirname, 'otlp-sender.ts'), {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          BENCH_LINES: String(RECORDS / SENDERS),
          BENCH_OFFSET: String((k * RECORDS) / SENDERS),
          OTLP_URL: `${server.url}/v1/logs`,
          OTLP_TOKEN: TOKEN,
        },
      }),
    );
    const exits = senders.map((p) => new Promise<number | null>((r) => p.on('exit', r)));
    while (server.requests === 0) await new Promise((r) => setTimeout(r, 5));
    t = performance.now();
    await waitFor(() => stored(lookout.readDb, 'otlp'), RECORDS);
    const otlpSecs = (performance.now() - t) / 1000;
    if ((await Promise.all(exits)).some((code) => code !== 0)) throw new Error('an OTLP sender failed');

    const tailed = Math.round(RECORDS / tailedSecs);
    const otlp = Math.round(RECORDS / otlpSecs);
    const ratio = Math.round((otlp / tailed) * 100) / 100;
    console.log(
      JSON.stringify(
        {
          records: RECORDS,
          senders: SENDERS,
          tailed_file_records_per_s: tailed,
          otlp_protobuf_records_per_s: otlp,
          ratio,
          requests: server.requests,
        },
        null,
        2,
      ),
    );
    console.log(`${ratio >= 0.8 ? 'PASS' : 'MISS'} OTLP logs at ≥ 0.8 of the tailed-file rate (${ratio})`);
  } finally {
    await server.close();
    clearLookout();
    await lookout.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
