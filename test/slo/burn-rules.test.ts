import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { RuleGroup } from '@/lib/rules/rule-group';
import { InMemorySeriesSource } from '@/lib/rules/series-source';
import { BURN_PAIRS, burnRuleDefs, exportBurnRules } from '@/lib/slo/burn-rules';
import type { Sli } from '@/lib/slo/slo-schema';
import type { Slo } from '@/lib/slo/slo-store';
import { tempDir } from '../helpers/temp-dir';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const slo = (id: number, name: string, sli: Sli, objective = 99): Slo => ({
  id,
  name,
  service: 'ccproxy',
  objective,
  window: '30d',
  sli,
  provisioned: false,
  createdAt: 0,
  updatedAt: 0,
});

const ALL_KINDS: Slo[] = [
  slo(1, 'health', { kind: 'probe_availability', target: 'ccproxy' }, 99.9),
  slo(2, 'requests', { kind: 'request_availability', source: 'ccproxy', rate_limited: 'excluded' }, 99.5),
  slo(3, 'requests-429-bad', { kind: 'request_availability', provider: 'groq', model: 'kimi', rate_limited: 'bad' }),
  slo(4, 'latency groq', { kind: 'request_latency', provider: 'groq', threshold_ms: 2500 }, 95),
  slo(5, 'custom', {
    kind: 'promql',
    good: 'http_requests_total{status!~"5.."}',
    total: 'http_requests_total',
  }),
  slo(6, 'custom-window', {
    kind: 'promql',
    good: 'sum(rate(http_requests_total{status="200"}[$window]))',
    total: 'sum(rate(http_requests_total[$window]))',
  }),
];

describe('generated burn-rate rules', () => {
  it('are four workbook pairs per SLO with slo, severity and long_window labels and a runbook link', () => {
    const groups = burnRuleDefs(ALL_KINDS, 'http://lookout:3000', 15_000);
    expect(groups.map((g) => g.name)).toEqual(ALL_KINDS.map((s) => `slo:${s.name}`));
    for (const g of groups) {
      expect(g.rules.map((r) => [r.labels.severity, r.labels.long_window, r.labels.short_window])).toEqual([
        ['page', '1h', '5m'],
        ['page', '6h', '30m'],
        ['ticket', '1d', '2h'],
        ['ticket', '3d', '6h'],
      ]);
      for (const r of g.rules) {
        expect(r.unsupported).toBeNull();
        expect(r.labels.slo).toBe(g.name.slice(4));
        expect(r.annotations.runbook_url).toMatch(/^http:\/\/lookout:3000\/slos\/\d+$/);
      }
    }
    expect(groups[1].rules[0].exprText).toBe(
      '(sum(rate(http_requests_total{job="ccproxy",status=~"5..|"}[1h])) / sum(rate(http_requests_total{job="ccproxy",status!="429"}[1h]))) > (14.4 * 0.005)\nand\n(sum(rate(http_requests_total{job="ccproxy",status=~"5..|"}[5m])) / sum(rate(http_requests_total{job="ccproxy",status!="429"}[5m]))) > (14.4 * 0.005)',
    );
  });

  it.skipIf(!hasPromtool && process.env.CI !== 'true')('pass promtool check rules', () => {
    const dir = tempDir();
    const file = path.join(dir, 'slo-rules.yml');
    fs.writeFileSync(file, exportBurnRules(ALL_KINDS, 'http://lookout:3000'));
    const run = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.error).toBeUndefined();
    expect(`${run.stdout}${run.stderr}`).toContain(`SUCCESS: ${ALL_KINDS.length * 4} rules found`);
    expect(run.status).toBe(0);
  });

  // Workbook table 5-8: at a full outage each pair fires when this share of a 30-day budget is spent.
  const SPENT_AT_FIRE: Record<string, number> = { '1h': 0.02, '6h': 0.05, '1d': 0.1, '3d': 0.1 };

  it('fire at the SRE workbook budget-consumption points on synthetic traffic', { timeout: 60_000 }, () => {
    const s = slo(7, 'synthetic', { kind: 'request_availability', source: 'app', rate_limited: 'good' }, 99);
    const [def] = burnRuleDefs([s], 'http://lookout', 10_000);
    const source = new InMemorySeriesSource();
    const group = new RuleGroup(def, { source });
    const clock = new FakeClock(Date.UTC(2026, 0, 1));
    const RATE = 10; // requests per second, steady
    const STEP = 10_000;
    const start = clock.now();
    const onset = start + 4 * DAY;
    const end = onset + HOUR;
    const good: [number, number][] = [];
    const failed: [number, number][] = [];
    // Before the onset every request succeeds; from it on every request fails (the all-providers-down phase).
    for (let t = start; t <= end; t += STEP) {
      good.push([t, ((Math.min(t, onset) - start) / 1000) * RATE]);
      failed.push([t, ((Math.max(t, onset) - onset) / 1000) * RATE]);
    }
    const labels = (status: string) => ({ __name__: 'http_requests_total', job: 'app', provider: 'p', status });
    source.add(labels('200'), good);
    source.add(labels('502'), failed);
    const firedAt: Record<string, number> = {};
    for (clock.set(onset - 5 * MIN); clock.now() <= end; clock.advance(STEP)) {
      for (const a of group.evaluateGroup(clock.now()).alerts)
        if (a.state === 'firing' && firedAt[a.labels.long_window] === undefined)
          firedAt[a.labels.long_window] = clock.now();
    }
    const budget = 0.01 * RATE * 30 * 86_400; // bad requests a 30-day window allows at this traffic
    for (const p of BURN_PAIRS) {
      const at = firedAt[p.long];
      expect(at, `${p.long} fired`).toBeDefined();
      const spent = ((at - onset) / 1000) * RATE;
      // Within one evaluation step (plus PromQL's extrapolation at the range edge) of the workbook's point.
      expect(spent / budget, `${p.long}`).toBeGreaterThan(SPENT_AT_FIRE[p.long] * 0.97);
      expect(spent / budget, `${p.long}`).toBeLessThan(SPENT_AT_FIRE[p.long] * 1.03);
    }
    // No pair fires before the onset's errors show in its short window.
    expect(Math.min(...Object.values(firedAt))).toBeGreaterThan(onset);
  });
});
