import fs from 'node:fs';
import { recordCost } from './cost-tally';
import { v0DurationMs, v0RequestLines, v0StartupLine } from './format-v0';
import {
  failureCause,
  v1DurationSeconds,
  v1ProviderUnhealthyLine,
  v1RequestLines,
  v1ServedLines,
  v1StartupLine,
} from './format-v1';
import { generateRequest, type SimRequest } from './request-gen';
import type { Rng } from './rng';
import { inRateLimitBurst, type PhaseSpec, phaseAt } from './scenario';
import type { ServedRequest } from './server';
import { type FileTally, type RequestRecord, recordLines, recordRequest } from './tally';

export interface TrafficOptions {
  file: FileTally;
  rng: Rng;
  ratePerSecond: number;
  timeScale: number;
  timeline: readonly PhaseSpec[];
  startedMs: number;
}

export interface TrafficStream {
  start(nowMs: number, port: number): void;
  /** Writes every request that completed up to `nowMs`; returns the number of lines appended. */
  advanceTo(nowMs: number): number;
  /** Logs a hit on the simulator's own endpoints (v1 only: v0 has no such lines); it has no provider. */
  served(r: ServedRequest, nowMs: number): void;
}

export const NO_PROVIDER = '(none)';

function record(file: FileTally, req: SimRequest): RequestRecord {
  const v1 = file.format === 'v1';
  const succeeded = req.failure === null;
  return {
    provider: req.provider,
    status: req.status,
    // v1 logs only the estimated input tokens on the Routed line; v0 only counts anthropic_response.
    input_tokens: v1 || succeeded ? req.inputTokens : 0,
    output_tokens: !v1 && succeeded ? req.outputTokens : 0,
    latency_ms: v1 ? v1DurationSeconds(req.durationUs) * 1000 : v0DurationMs(req.durationUs),
    end_ms: req.endMs,
  };
}

export function createTrafficStream(o: TrafficOptions): TrafficStream {
  const failures = new Map<string, number>();
  let nextArrival = o.startedMs;
  let pending: SimRequest[] = [];

  const rateAt = (ms: number): number => {
    const phase = phaseAt(ms - o.startedMs, o.timeScale, o.timeline);
    return (o.ratePerSecond * (inRateLimitBurst(phase, o.timeScale) ? 1.5 : 1)) / 1000;
  };

  const linesFor = (req: SimRequest): string[] => {
    if (o.file.format === 'v0') return v0RequestLines(req, o.rng.uuid());
    const lines = v1RequestLines(req);
    const n = req.status >= 500 ? (failures.get(req.provider) ?? 0) + 1 : 0;
    failures.set(req.provider, n);
    if (n === 3) lines.push(v1ProviderUnhealthyLine(req.endMs, req.provider, n, failureCause(req)));
    return lines;
  };

  const append = (lines: string[]): number => {
    if (lines.length === 0) return 0;
    fs.appendFileSync(o.file.path, `${lines.join('\n')}\n`);
    recordLines(o.file, lines.length);
    return lines.length;
  };

  return {
    start(nowMs, port) {
      append([o.file.format === 'v1' ? v1StartupLine(nowMs, port) : v0StartupLine(nowMs, port)]);
      nextArrival = nowMs + o.rng.exponential(rateAt(nowMs));
    },
    advanceTo(nowMs) {
      while (nextArrival <= nowMs) {
        const startMs = Math.floor(nextArrival);
        const phase = phaseAt(startMs - o.startedMs, o.timeScale, o.timeline);
        pending.push(generateRequest(o.rng, phase, startMs, o.timeScale));
        nextArrival += o.rng.exponential(rateAt(nextArrival));
      }
      // Fast requests overtake slow ones, so lines are written in completion order, as CCProxy does.
      const done = pending.filter((r) => r.endMs <= nowMs).sort((a, b) => a.endMs - b.endMs);
      pending = pending.filter((r) => r.endMs > nowMs);
      const lines: string[] = [];
      for (const req of done) {
        lines.push(...linesFor(req));
        recordRequest(o.file, record(o.file, req));
        recordCost(o.file.costs, req, o.file.format);
      }
      return append(lines);
    },
    served(r, nowMs) {
      if (o.file.format !== 'v1') return;
      this.advanceTo(nowMs);
      append(v1ServedLines(r, nowMs));
      recordRequest(o.file, {
        provider: NO_PROVIDER,
        status: r.status,
        input_tokens: 0,
        output_tokens: 0,
        latency_ms: v1DurationSeconds(r.durationUs) * 1000,
        end_ms: nowMs,
      });
    },
  };
}
