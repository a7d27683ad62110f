// npm run bench:intake — logs sent by each protocol's real client (intake-sender.ts: the OpenTelemetry JS SDK's
// protobuf and JSON exporters, winston-loki) against the same pipeline fed by a tailed file, in one run, on one
// Lookout with its ingestion threads, while /api/v1/stats/summary is asked four times a second. The tailed file
// is read before and after the protocols; their rates are compared with the mean of the two.
// Each protocol runs twice (BENCH_MODES): `live`, the clients making their records while Lookout takes them on
// the same two cores, and `replay`, the same clients' requests recorded first and then sent as fast as Lookout
// answers — like the tailed file, which is written before its clock starts (its writer's CPU is reported apart).

import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as summary from '@/app/api/v1/stats/summary/route';
import * as lokiPush from '@/app/loki/api/v1/push/route';
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
const PROTOCOLS = (process.env.BENCH_PROTOCOLS ?? 'otlp-proto,otlp-json,loki').split(',');
const MODES = (process.env.BENCH_MODES ?? 'live,replay').split(',');
const SOURCE: Record<string, string> = { 'otlp-proto': 'otlp', 'otlp-json': 'otlp-json', loki: 'loki' };
const POLL_MS = 250;

type Lookout = ReturnType<typeof startLookout>;

/** Rows stored for a source, from its counter (committed with the rows): counting rows would load the main thread. */
function stored(db: Lookout['readDb'], source: string): number {
  return (db.prepare('SELECT lines_accepted FROM log_sources WHERE name = ?').pluck().get(source) as number) ?? 0;
}

/** Waits for n rows; a minute without progress means a client gave records up (as the SDK does after timeouts). */
async function waitFor(count: () => number, n: number, what = ''): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (let c = count(); c < n; c = count()) {
    if (c !== last) [last, since] = [c, Date.now()];
    if (Date.now() - since > 60_000) throw new Error(`stalled at ${c} of ${n} stored ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const quantile = (xs: number[], q: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : null;

/** Asks the summary every POLL_MS, one at a time, and keeps how long each answer took. */
function pollSummary(url: string): () => Promise<number[]> {
  const times: number[] = [];
  let on = true;
  const loop = (async () => {
    while (on) {
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/stats/summary?from=now-1h`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      if (res.status !== 200) throw new Error(`summary answered ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  return async () => {
    on = false;
    await loop;
    return times;
  };
}

interface Phase {
  records_per_s: number;
  lookout_cpu_us_per_record: number;
  summary_p50_ms: number | null;
  summary_p99_ms: number | null;
  senders_cpu_us_per_record?: number;
  /** Requests Lookout answered: the clients' batches. */
  requests?: number;
  /** Replay: the senders' CPU to send the recorded requests, inside the clock. */
  resend_cpu_us_per_record?: number;
  /** Tailed: the CPU it took to write the file, before the clock. */
  file_writer_cpu_us_per_record?: number;
}

/** Runs one phase from `started` (resolves when the clock should start) until `source` holds RECORDS rows. */
async function measure(
  lookout: Lookout,
  summaryUrl: string,
  source: string,
  started: () => Promise<void>,
): Promise<Phase> {
  await started();
  const cpu = process.cpuUsage();
  const t = performance.now();
  const stop = pollSummary(summaryUrl);
  const row = () =>
    JSON.stringify(
      lookout.readDb
        .prepare('SELECT lines_read, lines_accepted, lines_rejected, lines_flagged FROM log_sources WHERE name = ?')
        .get(source),
    );
  await waitFor(() => stored(lookout.readDb, source), RECORDS, source).catch((err: Error) => {
    throw new Error(`${err.message}: ${row()}`);
  });
  const secs = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const times = await stop();
  return {
    records_per_s: Math.round(RECORDS / secs),
    lookout_cpu_us_per_record: Math.round(((used.user + used.system) / RECORDS) * 10) / 10,
    summary_p50_ms: quantile(times, 0.5),
    summary_p99_ms: quantile(times, 0.99),
  };
}

function writeFile(file: string, n: number): void {
  const out = fs.openSync(file, 'w');
  const now = Date.now();
  for (let i = 0; i < n; i += 10_000) {
    const chunk: string[] = [];
    for (let j = i; j < Math.min(n, i + 10_000); j++)
      chunk.push(JSON.stringify({ time: new Date(now).toISOString(), level: 'info', msg: message(j), ...attrs(j) }));
    fs.writeSync(out, `${chunk.join('\n')}\n`);
  }
  fs.closeSync(out);
}

async function tailed(lookout: Lookout, dir: string, summaryUrl: string, name: string): Promise<Phase> {
  const file = path.join(dir, `${name}.log`);
  const cpu = process.cpuUsage();
  writeFile(file, RECORDS);
  const written = process.cpuUsage(cpu);
  const phase = await measure(lookout, summaryUrl, name, () =>
    lookout.ingest.addFileSource({ name, path: file, start_at: 'beginning', format: 'json' }, dir),
  );
  return { ...phase, file_writer_cpu_us_per_record: Math.round(((written.user + written.system) / RECORDS) * 10) / 10 };
}

/**
 * BENCH_SENDERS processes of one protocol's client; the clock starts at their first request, after they loaded
 * (replay: after every sender recorded its client's requests). Each source is new to Lookout for each phase.
 */
async function sent(lookout: Lookout, protocol: string, summaryUrl: string, replay: boolean): Promise<Phase> {
  const server = await serveRoutes({
    '/v1/logs': { POST: otlpLogs.POST },
    '/loki/api/v1/push': { POST: lokiPush.POST },
  });
  try {
    let senderCpuMs = 0;
    let resendCpuMs = 0;
    let ready = 0;
    const service = `${SOURCE[protocol]}${replay ? '-replayed' : ''}`;
    const senders = Array.from({ length: SENDERS }, (_, k) =>
      fork(path.join(import.meta.dirname, 'intake-sender.ts'), {
        execArgv: ['--import', 'tsx'],
        env: {
          ...process.env,
          BENCH_PROTOCOL: protocol,
          BENCH_SERVICE: service,
          BENCH_REPLAY: replay ? '1' : '0',
          BENCH_LINES: String(RECORDS / SENDERS),
          BENCH_OFFSET: String((k * RECORDS) / SENDERS),
          INTAKE_URL: protocol === 'loki' ? server.url : `${server.url}/v1/logs`,
          INTAKE_TOKEN: TOKEN,
        },
      }).on('message', (m: { cpuMs?: number; resendCpuMs?: number; ready?: boolean }) => {
        if (m.ready) ready++;
        senderCpuMs += m.cpuMs ?? 0;
        resendCpuMs += m.resendCpuMs ?? 0;
      }),
    );
    const exits = senders.map((p) => new Promise<number | null>((r) => p.on('exit', r)));
    const failed = Promise.all(exits).then((codes) => {
      if (codes.some((code) => code !== 0)) throw new Error(`a ${protocol} sender failed`);
    });
    const phase = await measure(lookout, summaryUrl, service, async () => {
      if (replay) {
        while (ready < SENDERS) await Promise.race([failed, new Promise((r) => setTimeout(r, 20))]);
        for (const p of senders) p.send('go');
      }
      while (server.requests === 0) await new Promise((r) => setTimeout(r, 5));
    });
    await failed;
    const perRecord = (ms: number) => Math.round((ms * 10_000) / RECORDS) / 10;
    return {
      ...phase,
      requests: server.requests,
      senders_cpu_us_per_record: perRecord(senderCpuMs),
      ...(replay ? { resend_cpu_us_per_record: perRecord(resendCpuMs) } : {}),
    };
  } finally {
    await server.close();
  }
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
  const api = await serveRoutes({ '/api/v1/stats/summary': { GET: summary.GET } });
  try {
    // The ingestion threads start with their first work: a small file, so no phase pays for their start.
    const warm = path.join(dir, 'warm-up.log');
    writeFile(warm, 5_000);
    await lookout.ingest.addFileSource({ name: 'warm-up', path: warm, start_at: 'beginning', format: 'json' }, dir);
    await waitFor(() => stored(lookout.readDb, 'warm-up'), 5_000);

    const phases: Record<string, Phase> = { tailed_before: await tailed(lookout, dir, api.url, 'tailed') };
    const runs = PROTOCOLS.flatMap((p) => MODES.map((m) => ({ protocol: p, replay: m === 'replay' })));
    const key = (r: { protocol: string; replay: boolean }) => `${r.protocol}${r.replay ? ' replayed' : ''}`;
    for (const r of runs) {
      phases[key(r)] = await sent(lookout, r.protocol, api.url, r.replay);
      console.error(`[bench] ${key(r)}: ${JSON.stringify(phases[key(r)])}`);
    }
    phases.tailed_after = await tailed(lookout, dir, api.url, 'tailed-again');

    const tailedRate = (phases.tailed_before.records_per_s + phases.tailed_after.records_per_s) / 2;
    const tailedCpu =
      (phases.tailed_before.lookout_cpu_us_per_record + phases.tailed_after.lookout_cpu_us_per_record) / 2;
    const round = (x: number) => Math.round(x * 100) / 100;
    const names = runs.map(key);
    const ratios = Object.fromEntries(names.map((p) => [p, round(phases[p].records_per_s / tailedRate)]));
    // Lookout's own CPU per record, tailed over protocol: the rate ratio with the senders' share of the cores taken out.
    const cpuRatios = Object.fromEntries(names.map((p) => [p, round(tailedCpu / phases[p].lookout_cpu_us_per_record)]));
    console.log(
      JSON.stringify(
        { records: RECORDS, senders: SENDERS, phases, ratio_to_tailed: ratios, lookout_cpu_ratio_to_tailed: cpuRatios },
        null,
        2,
      ),
    );
    for (const p of names)
      console.log(`${ratios[p] >= 0.8 ? 'PASS' : 'MISS'} ${p} at ≥ 0.8 of the tailed-file rate (${ratios[p]})`);
    const worstP99 = Math.max(...Object.values(phases).map((ph) => ph.summary_p99_ms ?? 0));
    console.log(
      `${worstP99 < 250 ? 'PASS' : 'MISS'} /api/v1/stats/summary p99 < 250 ms meanwhile (worst ${Math.round(worstP99)} ms)`,
    );
  } finally {
    await api.close();
    clearLookout();
    await lookout.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
