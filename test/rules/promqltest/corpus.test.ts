import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askPromtool, CASES_DIR, type OracleCase, type OracleFile, promtoolVersion } from './oracle';
import { runTestFile } from './runner';
import { parseGoNumber } from './series-notation';

/**
 * Lookout's own PromQL conformance corpus (cases/*.test). The expected answers were produced by the real
 * Prometheus (promtool test rules, via oracle.ts) and are committed as cases/*.expected.json.
 */
const files = fs.readdirSync(CASES_DIR).filter((f) => f.endsWith('.test'));
const load = (f: string) =>
  JSON.parse(fs.readFileSync(path.join(CASES_DIR, f.replace(/\.test$/, '.expected.json')), 'utf8')) as OracleFile;

describe('PromQL conformance corpus: Lookout agrees with promtool', () => {
  for (const f of files) {
    it(f, () => {
      const expected = new Map(load(f).cases.map((c) => [c.line, c]));
      const outcomes = runTestFile(fs.readFileSync(path.join(CASES_DIR, f), 'utf8'), (c) => {
        const e = expected.get(c.line);
        if (!e || e.expr !== c.expr)
          throw new Error(`${f}:${c.line} has no promtool answer: run npx tsx test/rules/promqltest/oracle.ts`);
        c.fail = e.error !== undefined ? {} : null;
        c.scalarAsVector = true;
        c.expected = (e.samples ?? []).map((s) => ({ labels: s.labels, values: [parseGoNumber(s.value) ?? NaN] }));
      });
      const failed = outcomes.filter((o) => o.status === 'failed').map((o) => `${f}:${o.line} ${o.expr}: ${o.reason}`);
      expect(failed).toEqual([]);
    });
  }
});

const version = promtoolVersion();
const mustCheck = process.env.CI === 'true';

describe.skipIf(!version && !mustCheck)(
  'PromQL conformance corpus: the committed answers are still what promtool says',
  () => {
    it('promtool is installed', () => {
      expect(version, 'CI must have promtool (Debian package "prometheus") to check the corpus').not.toBeNull();
    });
    for (const f of files) {
      it.skipIf(!version)(
        f,
        () => {
          // promtool lists the two colliding series of a matching error in random order.
          const stable = (cases: OracleCase[]) =>
            cases.map((c) => (c.error ? { ...c, error: c.error.replace(/\[.*\]/, '[…]') } : c));
          const fresh = askPromtool(fs.readFileSync(path.join(CASES_DIR, f), 'utf8'));
          expect(stable(fresh)).toEqual(stable(load(f).cases));
        },
        30_000,
      );
    }
  },
);
