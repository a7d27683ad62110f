// `npm run demo`: the CCProxy simulator plus Lookout provisioned to watch it.
// Env: PORT (3000), SIM_PORT (3456), LOOKOUT_ADMIN_TOKEN (generated), SIM_TIME_SCALE (1 = 10-minute
// incident cycle), SIM_RATE (2 requests/s per log), SIM_SEED, SIM_LOG_PROBES (also log /health hits).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SIM_PORT, demoConfigForPort, describePhase } from '../lib/sim/demo-support';
import { describeNotification } from '../lib/sim/describe-notification';
import { cycleLength } from '../lib/sim/scenario';
import { type Simulator, startSimulator } from '../lib/sim/simulator';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'data', 'demo');
const staticConfig = path.join(root, 'demo', 'lookout.yml');
const env = process.env;
const simPort = Number(env.SIM_PORT || DEFAULT_SIM_PORT);
const lookoutPort = Number(env.PORT || 3000);
const timeScale = Number(env.SIM_TIME_SCALE || 1);
const adminToken = env.LOOKOUT_ADMIN_TOKEN?.trim() || `demo_${crypto.randomBytes(18).toString('base64url')}`;

for (const [name, value] of [
  ['SIM_PORT', simPort],
  ['PORT', lookoutPort],
  ['SIM_TIME_SCALE', timeScale],
] as const) {
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`[demo] ${name} must be a positive number`);
    process.exit(1);
  }
}

function configFile(): string {
  if (simPort === DEFAULT_SIM_PORT) return staticConfig;
  const file = path.join(dataDir, 'lookout.yml');
  fs.writeFileSync(file, demoConfigForPort(fs.readFileSync(staticConfig, 'utf8'), simPort, path.dirname(staticConfig)));
  return file;
}

async function startSim(): Promise<Simulator> {
  try {
    const sim: Simulator = await startSimulator({
      host: '127.0.0.1',
      port: simPort,
      logDir: dataDir,
      timeScale,
      ratePerSecond: Number(env.SIM_RATE || 2),
      seed: env.SIM_SEED ? Number(env.SIM_SEED) : Date.now() % 1_000_000,
      logProbes: /^(1|true|yes)$/i.test(env.SIM_LOG_PROBES ?? ''),
      onPhaseChange: (phase) => setImmediate(() => console.log(describePhase(phase, sim.startedMs, sim.tally()))),
      onWebhook: (body) => console.log(describeNotification(body)),
    });
    return sim;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    console.error(
      code === 'EADDRINUSE'
        ? `[demo] port ${simPort} is busy; set SIM_PORT to another port.`
        : `[demo] the simulator failed to start: ${String(err)}`,
    );
    process.exit(1);
  }
}

async function waitForLookout(url: string, alive: () => boolean): Promise<boolean> {
  while (alive()) {
    try {
      if ((await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) })).ok) return true;
    } catch {
      // not listening yet (first start builds the app, which takes a minute or two)
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

async function main(): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const sim = await startSim();
  const config = configFile();
  const dashboard = `http://localhost:${lookoutPort}`;
  console.log(
    [
      '',
      '  Lookout demo',
      `  dashboard      ${dashboard}   (anonymous read is on; see /providers, /logs, /alerts)`,
      `  admin token    ${adminToken}`,
      `  simulator      ${sim.url}/health · ${sim.url}/status · ${sim.url}/__sim/tally`,
      `  logs           ${path.relative(root, sim.logFiles.v1)} (v1) · ${path.relative(root, sim.logFiles.v0)} (v0) · tally in ${path.relative(root, sim.tallyFile)}`,
      `  config         ${path.relative(root, config)}`,
      `  cross-check    ${sim.url}/__sim/tally .totals  vs  ${dashboard}/api/v1/stats/summary?from=${new Date(sim.startedMs).toISOString()}`,
      `  Incidents repeat every ${Math.round(cycleLength(timeScale) / 1000)} s: all providers down → recovery → 503s → 429 bursts → latency spike.`,
      '',
    ].join('\n'),
  );

  // Its own process group: Ctrl-C reaches it once, through the forwarding below.
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    stdio: 'inherit',
    detached: true,
    env: {
      ...env,
      PORT: String(lookoutPort),
      LOOKOUT_CONFIG: path.relative(root, config),
      LOOKOUT_DATA_DIR: path.relative(root, dataDir),
      LOOKOUT_ANONYMOUS_READ: 'true',
      LOOKOUT_ADMIN_TOKEN: adminToken,
    },
  });
  let exited = false;
  let signals = 0;
  const stopAll = (sig: NodeJS.Signals): void => {
    signals += 1;
    if (exited || child.pid === undefined) return;
    // The whole group, so a `next build` in progress stops too; a second signal means "now".
    try {
      process.kill(-child.pid, signals > 1 ? 'SIGKILL' : sig);
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
  // A closed terminal stops the demo; SIGHUP itself would make Lookout reload its config.
  process.on('SIGHUP', () => stopAll('SIGTERM'));
  process.on('exit', () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  });
  child.on('exit', (code, signal) => {
    exited = true;
    console.log(`[demo] Lookout exited (${signal ?? `code ${code}`}); stopping the simulator.`);
    void sim.stop().finally(() => process.exit(code ?? (signal && signals === 0 ? 1 : 0)));
  });

  if (await waitForLookout(`http://127.0.0.1:${lookoutPort}`, () => !exited)) {
    console.log(`\n[demo] Lookout is ready: ${dashboard}  (admin token ${adminToken}; Ctrl-C stops everything)\n`);
  }
}

void main();
