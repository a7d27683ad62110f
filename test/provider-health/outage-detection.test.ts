import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { createLogWriter } from '@/lib/ingest/log-writer';
import { toRecord } from '@/lib/ingest/to-record';
import { LogCorrelator } from '@/lib/logs';
import { createLlmProber } from '@/lib/probes/llm-probe';
import type { LlmSpec } from '@/lib/probes/types';
import { getProviderHealth } from '@/lib/provider-health/provider-health';
import { thresholdsOf } from '@/lib/provider-health/thresholds';
import { startSimulator } from '@/lib/sim/simulator';
import { createTarget } from '@/lib/targets/save-target';
import { toScheduled } from '@/lib/targets/target-row';
import { lookoutPerTest } from '../helpers/lookout';
import { tempDir } from '../helpers/temp-dir';

const start = lookoutPerTest();
const STEP_MS = 1_000;
const CHECK_EVERY_MS = 10_000;
// Checks are not aligned with the outage's start: the first one after it is 3 s late.
const CHECK_OFFSET_MS = 3_000;
const OUTAGE_START_MS = 120_000; // the default timeline: 2 minutes normal, then every provider down

// The promise: the synthetic check sees the simulator's provider outage before the error rate of the
// logs does. Both run side by side on one fake clock; the logs go through the same parser and store as a tail.
describe('synthetic check vs log-derived error rate', () => {
  it('the llm check catches the all-providers-down outage first; both detection times are measured', async () => {
    const clock = new FakeClock(Date.UTC(2026, 11, 5, 9));
    const { lookout } = start({ clock, config: 'provider_health:\n  window: 1m\n' });
    const sim = await startSimulator({ logDir: tempDir('sim-'), port: 0, clock, seed: 7, llmDelayScale: 0.05 });
    try {
      lookout.db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0)`).run();
      const write = createLogWriter(lookout.db);
      const correlator = new LogCorrelator({ format: 'ccproxy' });
      let offset = 0;
      const tail = () => {
        sim.flush();
        const text = fs.readFileSync(sim.logFiles.v1, 'utf8');
        const lines = text.slice(offset).split('\n');
        const rest = lines.pop() ?? '';
        offset = text.length - rest.length;
        const records = lines.filter(Boolean).map((l) => toRecord(l, correlator.process(l, clock.now())));
        if (records.length)
          write({ sourceId: 1, records, rejects: [], linesRead: records.length, receivedAt: clock.now() });
      };
      const target = createTarget(lookout, {
        name: 'llm-groq',
        type: 'llm',
        url: `${sim.url}/v1/messages`,
        model: 'moonshotai/kimi-k2-instruct',
        provider: 'groq',
      });
      const spec = toScheduled(target).spec as LlmSpec;
      const probe = createLlmProber(lookout.db);
      const thresholds = thresholdsOf(lookout.provisioning.provider_health);

      let synthetic: number | null = null;
      let logDegraded: number | null = null;
      let logOutage: number | null = null;
      const states = new Set<string>();
      for (let t = STEP_MS; t <= OUTAGE_START_MS + 90_000 && logOutage === null; t += STEP_MS) {
        clock.advance(STEP_MS);
        tail();
        const elapsed = clock.now() - sim.startedMs;
        if (t % CHECK_EVERY_MS === CHECK_OFFSET_MS && synthetic === null) {
          const r = await probe(spec, clock);
          if (elapsed < OUTAGE_START_MS) expect(r.up, `${elapsed} ms: ${r.error}`).toBe(true);
          else if (!r.up) synthetic = elapsed;
        }
        const groq = getProviderHealth(lookout.db, clock.now(), thresholds).data.find((p) => p.provider === 'groq');
        if (!groq) continue;
        states.add(groq.state);
        if (elapsed < OUTAGE_START_MS) continue;
        if (logDegraded === null && groq.state !== 'healthy' && groq.state !== 'unknown') logDegraded = elapsed;
        if (logOutage === null && groq.state === 'outage') logOutage = elapsed;
      }
      const since = (v: number | null) => (v === null ? 'never' : `${(v - OUTAGE_START_MS) / 1000}s`);
      console.log(
        `[outage detection] synthetic check: ${since(synthetic)} after the outage began; ` +
          `log error rate degraded: ${since(logDegraded)}, outage: ${since(logOutage)} (1m window, checks every 10s)`,
      );
      expect(states.has('healthy')).toBe(true);
      expect(synthetic).not.toBeNull();
      expect(logOutage).not.toBeNull();
      expect(synthetic! - OUTAGE_START_MS).toBeLessThanOrEqual(CHECK_EVERY_MS);
      // A 5xx blip already turns the traffic state degraded; an outage needs half the window's requests failed.
      expect(logDegraded).not.toBeNull();
      expect(synthetic!).toBeLessThan(logOutage!);
    } finally {
      await sim.stop();
    }
  });
});
