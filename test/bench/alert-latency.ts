import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { systemClock } from '@/lib/clock';
import { startLookout } from '@/lib/engine/lookout';
import { tempDir } from '../helpers/temp-dir';

const EVAL_S = 1;
const FOR_S = 2;
const GROUP_WAIT_S = 1;
// Not a multiple of the evaluation interval, so the trials meet the evaluation cycle at different phases.
const PROBE_MS = 1_300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LatencyResult {
  probeMs: number;
  evalS: number;
  forS: number;
  groupWaitS: number;
  boundMs: number;
  /** detect: target down → first failed check; latency: that check (the condition true) → webhook; total: down → webhook. */
  trials: { detectMs: number; latencyMs: number; totalMs: number }[];
}

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; port: number }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

async function waitFor<T>(what: string, f: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/**
 * A real Lookout (probes, rules, dispatcher) on the system clock probes a target we take down; a real
 * receiver on 127.0.0.1 timestamps each webhook as it arrives.
 */
export async function measureLatency(trials: number): Promise<LatencyResult> {
  let down = false;
  const target = await listen((_q, res) => {
    res.statusCode = down ? 503 : 200;
    res.end('{"status":"ok"}');
  });
  const hooks: { at: number; status: string }[] = [];
  const receiver = await listen((req, res) => {
    const at = Date.now();
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      hooks.push({ at, status: (JSON.parse(body) as { status: string }).status });
      res.end('ok');
    });
  });
  const dir = tempDir('lookout-bench-latency-');
  fs.writeFileSync(
    path.join(dir, 'rules.yml'),
    `groups:\n  - name: latency\n    rules:\n      - alert: TargetDown\n        expr: up{job="flaky"} == 0\n        for: ${FOR_S}s\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'lookout.yml'),
    `global: { scrape_interval: 1s, evaluation_interval: ${EVAL_S}s }
targets:
  - { name: flaky, url: "http://127.0.0.1:${target.port}/health", interval: ${PROBE_MS}ms, timeout: 500ms }
rule_files: [rules.yml]
alerting:
  route: { receiver: hook, group_by: [alertname], group_wait: ${GROUP_WAIT_S}s, group_interval: 1s, repeat_interval: 1h }
  receivers:
    - name: hook
      webhook_configs: [{ url: "http://127.0.0.1:${receiver.port}/hook" }]
`,
  );
  const lookout = startLookout({
    clock: systemClock,
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile: path.join(dir, 'lookout.yml'),
      adminToken: 'bench',
      anonymousRead: false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  const lastCheckId = () => lookout.db.prepare('SELECT coalesce(max(id), 0) FROM checks').pluck().get() as number;
  const results: LatencyResult['trials'] = [];
  try {
    await waitFor('the first good check', () =>
      lookout.db.prepare('SELECT 1 FROM checks WHERE up = 1').get() ? true : undefined,
    );
    for (let i = 0; i < trials; i++) {
      // Start at an arbitrary phase of the probe and evaluation cycles.
      await sleep(2_000 + Math.random() * 1_000);
      const fromId = lastCheckId();
      const seen = hooks.length;
      const wentDown = Date.now();
      down = true;
      const hook = await waitFor('the firing webhook', () => hooks.slice(seen).find((h) => h.status === 'firing'));
      const failed = lookout.db
        .prepare('SELECT min(ts) FROM checks WHERE id > ? AND up = 0')
        .pluck()
        .get(fromId) as number;
      results.push({ detectMs: failed - wentDown, latencyMs: hook.at - failed, totalMs: hook.at - wentDown });
      const resolvedFrom = hooks.length;
      down = false;
      await waitFor('the resolved webhook', () => hooks.slice(resolvedFrom).find((h) => h.status === 'resolved'));
    }
  } finally {
    await lookout.stop();
    target.server.close();
    receiver.server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    probeMs: PROBE_MS,
    evalS: EVAL_S,
    forS: FOR_S,
    groupWaitS: GROUP_WAIT_S,
    boundMs: (FOR_S + EVAL_S + GROUP_WAIT_S + 1) * 1000,
    trials: results,
  };
}
