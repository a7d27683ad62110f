import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTestFile } from './runner';

/** Prometheus's own PromQL acceptance suite (promql/promqltest/testdata, Apache-2.0), never committed here. */
const CANDIDATES = [
  process.env.LOOKOUT_PROMQLTEST_DIR,
  path.resolve(import.meta.dirname, '../../../../shared/promqltest'),
];
const dir = CANDIDATES.filter((d): d is string => !!d)
  .flatMap((d) => [d, path.join(d, 'promql/promqltest/testdata')])
  .find((d) => fs.existsSync(path.join(d, 'functions.test')));

/**
 * Stable files and the share of their run cases (not skipped) Lookout must pass. Measured against
 * prometheus/prometheus d15adb9ad7e5.
 */
const FLOORS: Record<string, number> = {
  'aggregators.test': 0.97,
  'at_modifier.test': 1,
  'collision.test': 1,
  'functions.test': 0.95,
  'histograms.test': 0.9,
  'literals.test': 1,
  'operators.test': 1,
  'range_queries.test': 1,
  'selectors.test': 1,
  'staleness.test': 1,
  'subquery.test': 1,
  'trig_functions.test': 1,
};

describe.skipIf(!dir)('Prometheus promqltest suite', () => {
  const rows: string[] = [];
  for (const [file, floor] of Object.entries(FLOORS)) {
    it(file, () => {
      const outcomes = runTestFile(fs.readFileSync(path.join(dir!, file), 'utf8'));
      const n = (s: string) => outcomes.filter((o) => o.status === s).length;
      const [passed, failed, skipped] = [n('passed'), n('failed'), n('skipped')];
      rows.push(`${file}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      if (process.env.PROMQLTEST_VERBOSE)
        for (const o of outcomes.filter((x) => x.status === 'failed'))
          console.log(`${file}:${o.line} ${o.expr}\n   ${o.reason}`);
      expect(passed / Math.max(1, passed + failed)).toBeGreaterThanOrEqual(floor);
    });
  }
  it('summary', () => console.log(rows.join('\n')));
});

if (!dir) {
  console.warn(
    'Prometheus promqltest suite skipped: no upstream testdata (set LOOKOUT_PROMQLTEST_DIR, or place it in ../shared/promqltest)',
  );
  describe('Prometheus promqltest suite', () => {
    it.skip(`skipped: no upstream testdata (set LOOKOUT_PROMQLTEST_DIR or place it in ../shared/promqltest)`, () => {});
  });
}
