import fs from 'node:fs';
import path from 'node:path';
import { type Clock, systemClock, type TimerHandle } from '@/lib/clock';
import { PROVIDERS } from './catalog';
import { healthResponse, type ProxyView, statusResponse } from './health';
import { decideCompletion } from './llm-answer';
import { createRng } from './rng';
import { DEFAULT_TIMELINE, type Phase, type PhaseSpec, phaseAt } from './scenario';
import { startSimServer } from './server';
import { createFileTally, snapshotTally, type Tally, type TallySnapshot } from './tally';
import { createTrafficStream } from './traffic';

export interface SimulatorOptions {
  /** Where ccproxy.log (v1), ccproxy-v0.log (v0) and tally.json are written; created if missing. */
  logDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Multiplies every phase duration: 1 is the 10-minute demo cycle, 0.01 runs it in 6 s. */
  timeScale?: number;
  seed?: number;
  /** Mean requests per second written to each file. */
  ratePerSecond?: number;
  clock?: Clock;
  /** When set, only callers presenting it get /health details; otherwise localhost does. */
  apiKey?: string;
  tickMs?: number;
  /** Also log hits on /health and /status, as CCProxy does with `"log": true` (counted under provider "(none)"). */
  logProbes?: boolean;
  timeline?: readonly PhaseSpec[];
  onPhaseChange?: (phase: Phase) => void;
  /** Alert notifications posted to `/__sim/webhook`. */
  onWebhook?: (body: unknown) => void;
  /** Multiplies the real delay before a synthetic completion's first token (tests shrink it; 1 by default). */
  llmDelayScale?: number;
}

export interface Simulator {
  url: string;
  /** Clock time the simulator started; phase offsets are relative to it. */
  startedMs: number;
  port: number;
  logFiles: { v1: string; v0: string };
  tallyFile: string;
  tally(): TallySnapshot;
  phase(): Phase;
  /** Writes every request due by now and tally.json. */
  flush(): void;
  stop(): Promise<void>;
}

export const V1_LOG_FILE = 'ccproxy.log';
export const V0_LOG_FILE = 'ccproxy-v0.log';

function sizeOf(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const clock = opts.clock ?? systemClock;
  const timeScale = opts.timeScale ?? 1;
  const timeline = opts.timeline ?? DEFAULT_TIMELINE;
  const seed = opts.seed ?? 42;
  const tickMs = opts.tickMs ?? 250;
  fs.mkdirSync(opts.logDir, { recursive: true });
  const logFiles = { v1: path.resolve(opts.logDir, V1_LOG_FILE), v0: path.resolve(opts.logDir, V0_LOG_FILE) };
  const tallyFile = path.resolve(opts.logDir, 'tally.json');
  const startedMs = clock.now();
  const state: Tally = {
    started_at: new Date(startedMs).toISOString(),
    files: {
      v1: createFileTally('ccproxy', 'v1', logFiles.v1, sizeOf(logFiles.v1)),
      v0: createFileTally('ccproxy-v0', 'v0', logFiles.v0, sizeOf(logFiles.v0)),
    },
  };
  const common = { ratePerSecond: opts.ratePerSecond ?? 2, timeScale, timeline, startedMs };
  const streams = [
    createTrafficStream({ ...common, file: state.files.v1, rng: createRng(seed) }),
    createTrafficStream({ ...common, file: state.files.v0, rng: createRng(seed + 1) }),
  ];
  const phase = (): Phase => phaseAt(clock.now() - startedMs, timeScale, timeline);
  const view = (): ProxyView => ({
    nowMs: clock.now(),
    startedMs,
    phase: phase(),
    requestsServed: state.files.v1.totals.requests,
  });

  // Synthetic completions answered, per provider and status: not written to the log (CCProxy would, but
  // the tally stays the answer key for the generated traffic alone).
  const completions: Record<string, Record<string, number>> = {};
  const server = await startSimServer({
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 3456,
    apiKey: opts.apiKey,
    onWebhook: opts.onWebhook,
    onServed: opts.logProbes ? (r) => streams[0].served(r, clock.now()) : undefined,
    routes: {
      health: (authenticated) => healthResponse(view(), authenticated),
      status: () => statusResponse(view()),
      completion: (_api, model, authenticated) => {
        const served = Object.values(completions).reduce((n, c) => n + (c['200'] ?? 0), 0);
        const answer = decideCompletion(model, {
          phase: phase(),
          timeScale,
          authenticated,
          delayScale: opts.llmDelayScale ?? 1,
          served,
        });
        const key = PROVIDERS.find((p) => p.models.includes(String(model)))?.name ?? String(model);
        const counts = (completions[key] ??= {});
        const status = answer.kind === 'stream' ? '200' : String(answer.status);
        counts[status] = (counts[status] ?? 0) + 1;
        return answer;
      },
      internal: { tally: () => snapshotTally(state), phase: () => phase(), completions: () => completions },
    },
  });

  let lastTallyWrite = -Infinity;
  const writeTally = (): void => {
    const tmp = `${tallyFile}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(snapshotTally(state))}\n`);
    fs.renameSync(tmp, tallyFile);
    lastTallyWrite = clock.now();
  };
  let lastPhase = '';
  const flush = (force: boolean): void => {
    const now = clock.now();
    const written = streams.reduce((n, s) => n + s.advanceTo(now), 0);
    // Serialising every latency is not free: tally.json is rewritten at most once a second,
    // and less often as it grows, so an overnight demo does not spend its time on it.
    const every = 1000 * Math.ceil((state.files.v1.totals.requests + state.files.v0.totals.requests + 1) / 20_000);
    if (force || (written > 0 && now - lastTallyWrite >= every)) writeTally();
    const p = phase();
    const key = `${p.cycle}:${p.index}`;
    if (key !== lastPhase) {
      lastPhase = key;
      opts.onPhaseChange?.(p);
    }
  };

  for (const s of streams) s.start(startedMs, server.port);
  let timer: TimerHandle | null = null;
  const loop = (): void => {
    flush(false);
    timer = clock.setTimeout(loop, tickMs);
  };
  loop();
  writeTally();

  return {
    url: server.url,
    startedMs,
    port: server.port,
    logFiles,
    tallyFile,
    tally: () => snapshotTally(state),
    phase,
    flush: () => flush(true),
    stop: async () => {
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      flush(true);
      await server.close();
    },
  };
}
