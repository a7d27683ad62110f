/** Records amtool's answers for the regex cases: `npx tsx test/regex/re2-record.ts` (needs /usr/bin/amtool). */
import { writeFileSync } from 'node:fs';
import { amtoolCheckConfig, amtoolRoutes, labelArg } from '../oracle/amtool';
import { INVALID_CASES, MATCH_CASES } from './re2-cases';

export type Re2Expected = { matches: [string, string, boolean][]; errors: [string, string | null][] };

/** One config, one route per case (`v<i>=~re`, continue): one amtool call per value column. */
export function amtoolRe2Answers(): Re2Expected {
  // `matchers:` (not legacy match_re, which Alertmanager anchors twice) is compiled as `^(?:re)$` once.
  const routes = MATCH_CASES.map(([re], i) => ({
    receiver: `r${i}`,
    continue: true,
    matchers: [labelArg(`v${i}`, re).replace('=', '=~')],
  }));
  const config = {
    route: { receiver: 'default', routes },
    receivers: [{ name: 'default' }, ...MATCH_CASES.map((_, i) => ({ name: `r${i}` }))],
  };
  const hits: Set<string>[] = [];
  const width = Math.max(...MATCH_CASES.map(([, vs]) => vs.length));
  for (let j = 0; j < width; j++) {
    const labels: Record<string, string> = { probe: String(j) };
    MATCH_CASES.forEach(([, vs], i) => vs[j] !== undefined && (labels[`v${i}`] = vs[j]));
    hits.push(new Set(amtoolRoutes(config, labels)));
  }
  const matches = MATCH_CASES.flatMap(([re, vs], i) =>
    vs.map((v, j): [string, string, boolean] => [re, v, hits[j].has(`r${i}`)]),
  );
  const errors = INVALID_CASES.map((re): [string, string | null] => [
    re,
    amtoolCheckConfig({
      route: { receiver: 'd', routes: [{ receiver: 'd', matchers: [labelArg('x', re).replace('=', '=~')] }] },
      receivers: [{ name: 'd' }],
    }),
  ]);
  return { matches, errors };
}

if (process.argv[1]?.endsWith('re2-record.ts')) {
  writeFileSync(
    new URL('./re2-amtool.expected.json', import.meta.url),
    `${JSON.stringify(amtoolRe2Answers(), null, 1)}\n`,
  );
}
