import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileAnchoredRe2 } from '@/lib/regex/re2';
import { hasAmtool, requireLiveOracle } from '../oracle/amtool';
import { INVALID_CASES, MATCH_CASES } from './re2-cases';
import { amtoolRe2Answers, type Re2Expected } from './re2-record';

const committed = JSON.parse(
  readFileSync(new URL('./re2-amtool.expected.json', import.meta.url), 'utf8'),
) as Re2Expected;
const live = requireLiveOracle('amtool', hasAmtool());

function lookoutAnswers(): Re2Expected {
  const matches = MATCH_CASES.flatMap(([re, vs]) =>
    vs.map((v): [string, string, boolean] => [re, v, compileAnchoredRe2(re).test(v)]),
  );
  const errors = INVALID_CASES.map((re): [string, string | null] => {
    try {
      compileAnchoredRe2(re);
      return [re, null];
    } catch (err) {
      return [re, (err as Error).message];
    }
  });
  return { matches, errors };
}

describe('RE2 translation agrees with Go (Alertmanager 0.25 via amtool)', () => {
  it('the committed answers cover every case', () => {
    expect(committed.matches.map(([re, v]) => [re, v])).toEqual(
      MATCH_CASES.flatMap(([re, vs]) => vs.map((v) => [re, v])),
    );
    expect(committed.errors.map(([re]) => re)).toEqual(INVALID_CASES);
  });

  it('matches and refuses like the committed amtool answers', () => {
    const ours = lookoutAnswers();
    expect(ours.matches).toEqual(committed.matches);
    expect(ours.errors).toEqual(committed.errors);
  });

  it.runIf(live)(
    'matches and refuses like amtool, live',
    () => {
      expect(lookoutAnswers()).toEqual(amtoolRe2Answers());
    },
    60_000,
  );
});
