// npm run bench:remote-write — Lookout remote-writes 10× the demo's series to a local Prometheus, which is stopped
// and started again once mid-run. Prints, side by side: samples/s Lookout produces, samples/s it sent (overall and
// while catching up after the restart), the backlog's drain time, and memory with remote write against without.
// BENCH_SECONDS (90), BENCH_SCALE (12× the demo's targets and logs: 10× its series, host series being fixed),
// BENCH_INTERVAL (1s: 15× more often than the default 15 s).

import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '@/lib/clock';
import type { Lookout } from '@/lib/engine/context';
import { startLookout } from '@/lib/engine/lookout';
import { reloadConfig } from '@/lib/engine/reload';
import { v1RequestLines } from '@/lib/sim/format-v1';
import { generateRequest } from '@/lib/sim/request-gen';
import { createRng } from '@/lib/sim/rng';
import { phaseAt } from '@/lib/sim/scenario';
import { collectMetrics } from '@/lib/system/collect-metrics';
import { tempDir } from '../helpers/temp-dir';
import { startReceiver } from '../oracle/tsdb-receivers';
import { startHealthServer } from './health-server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 90);
const SCALE = Number(process.env.BENCH_SCALE ?? 12);
const INTERVAL = process.env.BENCH_INTERVAL ?? '1s';
const INTERVAL_MS = Number.parseFloat(INTERVAL) * (INTERVAL.endsWith('ms') ? 1 : 1000);
// The demo: two probed targets and two CCProxy logs, each log at 2 requests/s.
const DEMO_TARGETS = 2;
const DEMO_LOGS = 2;
const REQ_PER_S_PER_LOG = 2;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;
const rng = createRng(15);
const normal = phaseAt(0);

function configOf(scale: number, healthPort: number, remoteWrite: string): string {
  const targets = Array.from(
    { length: DEMO_TARGETS * scale },
    (_, i) => `  - { name: t${i}, url: "http://127.0.0.1:${healthPort}/health", interval: 5s, timeout: 2s }`,
  );
  return `global: { remote_write_interval: ${INTERVAL}, external_labels: { replica: bench } }\ntargets:\n${targets.join('\n')}\n${remoteWrite}`;
}

async function traffic(lookout: Lookout, logs: number, requestsPerLog: number): Promise<void> {
  for (let s = 0; s < logs; s++) {
    const lines = Array.from({ length: requestsPerLog }, () => v1RequestLines(generateRequest(rng, normal, Date.now())))
      .flat()
      .map((text) => ({ text, truncated: false }));
    await lookout.ingest.ingestLines(`ccproxy-${s}`, lines, []);
  }
}

const seriesNow = (lookout: Lookout) => collectMetrics(lookout).reduce((n, f) => n + f.samples.length, 0);

/** A Lookout with `scale`× the demo's targets and logs, its label sets filled by a burst of simulated traffic. */
async function seeded(scale: number, healthPort: number) {
  const dir = tempDir('lookout-bench-rw-');
  const configFile = path.join(dir, 'lookout.yml');
  fs.writeFileSync(configFile, configOf(scale, healthPort, ''));
  const lookout = startLookout({
    clock: systemClock,
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile,
      adminToken: 'bench',
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  await traffic(lookout, DEMO_LOGS * scale, 400);
  await sleep(7_000);
  return { lookout, dir, configFile };
}

async function main() {
  const health = await startHealthServer();
  // The demo's series count, measured the same way (what /metrics exposes, one sample each per interval).
  const demo = await seeded(1, health.port);
  const demoSeries = seriesNow(demo.lookout);
  await demo.lookout.stop();
  fs.rmSync(demo.dir, { recursive: true, force: true });

  const { lookout, dir, configFile } = await seeded(SCALE, health.port);
  const series = seriesNow(lookout);
  const prom = await startReceiver('prometheus');
  let rssPeak = 0;
  let rssSum = 0;
  let rssN = 0;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage().rss;
    rssPeak = Math.max(rssPeak, rss);
    rssSum += rss;
    rssN++;
  }, 200);
  let running = true;
  const load = (async () => {
    while (running) {
      await traffic(lookout, DEMO_LOGS * SCALE, REQ_PER_S_PER_LOG);
      await sleep(1_000);
    }
  })();

  // Without remote write: the same Lookout, same traffic, for a third of the run.
  const third = Math.round(SECONDS / 3) * 1000;
  await sleep(third);
  const rssWithout = rssPeak;
  const rssMeanWithout = rssSum / rssN;
  rssPeak = 0;
  rssSum = 0;
  rssN = 0;

  fs.writeFileSync(
    configFile,
    configOf(
      SCALE,
      health.port,
      `remote_write:\n  - { url: "${prom.writeUrl}", name: bench, queue_config: { batch_send_deadline: 1s } }\n`,
    ),
  );
  await reloadConfig(lookout);
  const began = Date.now();
  const takenBefore = lookout.remoteWrite.intervalsTaken;
  const q = () => lookout.remoteWrite.queues[0].status();
  await sleep(third / 2);
  await prom.stop();
  const stoppedAt = Date.now();
  await sleep(Math.min(third / 2, 15_000));
  const backlog = q().pending;
  await prom.start();
  const restartedAt = Date.now();
  const sentAtRestart = q().sent;
  while (q().pending > series * 2 && Date.now() - restartedAt < 120_000) await sleep(50);
  const drainedAt = Date.now();
  const sentWhileDraining = q().sent - sentAtRestart;
  await sleep(Math.max(0, began + 2 * third - Date.now()));
  running = false;
  await load;
  clearInterval(sampler);
  const rssWith = rssPeak;
  const rssMeanWith = rssSum / rssN;
  // The last interval's samples reach Prometheus within batch_send_deadline.
  await sleep(1_500);
  const end = q();
  const elapsedS = (Date.now() - began) / 1000;
  const producedPerS = series / (INTERVAL_MS / 1000);

  // What Prometheus holds for one series over the run: one sample per interval, none missing across the outage.
  const at = Math.floor(Date.now() / 1000);
  const res = await fetch(
    `${prom.url}/api/v1/query?${new URLSearchParams({ query: `count_over_time(up{job="t0"}[${Math.ceil(elapsedS) + 5}s])`, time: String(at) })}`,
  );
  const held = Number(
    ((await res.json()) as { data: { result: { value: [number, string] }[] } }).data.result[0]?.value[1],
  );
  const expectedTicks = Math.floor((at * 1000 - began) / INTERVAL_MS);
  // Read after the query: Prometheus cannot hold an interval Lookout has not taken yet.
  const taken = lookout.remoteWrite.intervalsTaken - takenBefore;

  const figures = {
    demo_series: demoSeries,
    series,
    series_ratio: Math.round((series / demoSeries) * 10) / 10,
    interval: INTERVAL,
    produced_samples_per_s: Math.round(producedPerS),
    sent_samples: end.sent,
    sent_samples_per_s_overall: Math.round(end.sent / elapsedS),
    outage_s: Math.round((restartedAt - stoppedAt) / 100) / 10,
    backlog_samples: backlog,
    catch_up_samples_per_s: Math.round(sentWhileDraining / Math.max(0.001, (drainedAt - restartedAt) / 1000)),
    drain_s: Math.round((drainedAt - restartedAt) / 100) / 10,
    pending_at_end: end.pending,
    failed: end.failed,
    dropped: end.dropped,
    retries: end.retries,
    up_t0_samples_in_prometheus: held,
    intervals_taken: taken,
    intervals_elapsed: expectedTicks,
    rss_mb_without_remote_write: mb(rssWithout),
    rss_mb_with_remote_write: mb(rssWith),
    rss_mb_extra: mb(rssWith - rssWithout),
    rss_mb_mean_without: mb(rssMeanWithout),
    rss_mb_mean_with: mb(rssMeanWith),
    rss_mb_extra_mean: mb(rssMeanWith - rssMeanWithout),
  };
  console.log(JSON.stringify(figures, null, 2));
  const check = (ok: boolean, what: string) => console.log(`${ok ? 'PASS' : 'MISS'}  ${what}`);
  check(
    series >= 10 * demoSeries * 0.95 || SCALE < 10,
    `${figures.series_ratio}× the demo's series (${series} vs ${demoSeries})`,
  );
  check(
    figures.catch_up_samples_per_s > producedPerS,
    `catch-up ${figures.catch_up_samples_per_s} samples/s > produced ${figures.produced_samples_per_s} samples/s`,
  );
  check(end.failed === 0 && end.dropped === 0, `nothing failed or dropped (${end.failed}, ${end.dropped})`);
  check(held >= taken - 1, `Prometheus holds ${held} samples of up{job="t0"}, of ${taken} intervals taken`);
  check(
    figures.rss_mb_extra < 50,
    `extra memory with remote write ${figures.rss_mb_extra} MB at peak (${figures.rss_mb_extra_mean} MB on average) < 50 MB`,
  );

  await lookout.stop();
  await prom.remove();
  health.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
