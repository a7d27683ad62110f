import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextFire, parseCron, prevFire } from '@/lib/time/cron';

/** [expression, zone, from, next five fires, previous five fires] — fires in unix seconds. */
type Case = [string, string, string, number[], number[]];

// Answers of cronsim (Healthchecks.io's evaluator, which mimics Debian cron), committed: see `source` in the file.
const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'cron-oracle.json'), 'utf8')) as { cases: Case[] };

describe('cron schedules agree with cronsim on every case (Debian cron semantics, DST included)', () => {
  it.each(oracle.cases.map((c) => [`${c[0]} ${c[1]} from ${c[2]}`, c] as const))(
    '%s',
    (_, [expr, tz, from, next, prev]) => {
      const parsed = parseCron(expr);
      if (!parsed.ok) throw new Error(parsed.error);
      const got: (number | null)[] = [];
      let t = Date.parse(from);
      for (let i = 0; i < next.length && t !== null; i++) {
        const n = nextFire(parsed.cron, tz, t);
        got.push(n === null ? null : n / 1000);
        t = n ?? Number.NaN;
      }
      expect(got).toEqual(next);
      const back: (number | null)[] = [];
      t = Date.parse(from) - 1;
      for (let i = 0; i < prev.length; i++) {
        const p = prevFire(parsed.cron, tz, t);
        back.push(p === null ? null : p / 1000);
        if (p === null) break;
        t = p - 1;
      }
      expect(back).toEqual(prev);
    },
  );
});
