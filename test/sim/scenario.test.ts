import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import {
  cycleLength,
  DEFAULT_TIMELINE,
  healthyProviders,
  inRateLimitBurst,
  PHASE_NAMES,
  type PhaseName,
  phaseAt,
} from '@/lib/sim/scenario';
import { type Simulator, startSimulator } from '@/lib/sim/simulator';
import { tempDir } from '../helpers/temp-dir';

const ORDER: PhaseName[] = ['normal', 'providers_down', 'recovery', 'unavailable', 'rate_limited', 'latency_spike'];

describe('scenario timeline', () => {
  it('runs the incidents in order, about ten minutes per cycle', () => {
    expect(DEFAULT_TIMELINE.map((p) => p.name)).toEqual(ORDER);
    expect([...PHASE_NAMES]).toEqual(ORDER);
    expect(cycleLength()).toBe(600_000);
  });

  it('scales every duration with timeScale and repeats', () => {
    const scale = 0.01;
    const seen: string[] = [];
    for (let t = 0; t < 2 * cycleLength(scale); t += 100) {
      const p = phaseAt(t, scale);
      if (seen.at(-1) !== `${p.cycle}:${p.name}`) seen.push(`${p.cycle}:${p.name}`);
    }
    expect(seen).toEqual([...ORDER.map((n) => `0:${n}`), ...ORDER.map((n) => `1:${n}`)]);
    const down = phaseAt(1_200 + 1, scale);
    expect(down).toMatchObject({ name: 'providers_down', index: 1, cycle: 0, startMs: 1_200, endMs: 2_100 });
    expect(phaseAt(6_000, scale)).toMatchObject({ name: 'normal', cycle: 1, elapsedMs: 0 });
  });

  it('takes every provider down, then brings them back one by one', () => {
    const names = ['a', 'b', 'c'];
    expect(healthyProviders(phaseAt(0), names).size).toBe(3);
    expect(healthyProviders(phaseAt(130_000), names).size).toBe(0);
    const recovery = [210_000, 230_000, 250_000, 269_999].map((t) => healthyProviders(phaseAt(t), names).size);
    expect(recovery).toEqual([0, 1, 2, 3]);
  });

  it('rate-limits in bursts', () => {
    expect(inRateLimitBurst(phaseAt(365_000))).toBe(true);
    expect(inRateLimitBurst(phaseAt(380_000))).toBe(false);
    expect(inRateLimitBurst(phaseAt(10_000))).toBe(false);
  });
});

describe('simulator phases with a scaled clock', () => {
  let sim: Simulator | null = null;
  afterEach(async () => {
    await sim?.stop();
    sim = null;
  });

  it('reports each phase change in order and exposes the current phase', async () => {
    const clock = new FakeClock();
    const changes: string[] = [];
    sim = await startSimulator({
      logDir: tempDir('sim-'),
      port: 0,
      clock,
      timeScale: 0.01,
      onPhaseChange: (p) => changes.push(p.name),
    });
    expect(sim.phase().name).toBe('normal');
    clock.advance(1_500);
    expect(sim.phase().name).toBe('providers_down');
    clock.advance(cycleLength(0.01) * 1.5);
    expect(changes.slice(0, 8)).toEqual([...ORDER, 'normal', 'providers_down']);
    const res = await fetch(`${sim.url}/__sim/phase`);
    expect(await res.json()).toMatchObject({ name: sim.phase().name, cycle: 1 });
    expect(fs.existsSync(sim.tallyFile)).toBe(true);
  });
});
