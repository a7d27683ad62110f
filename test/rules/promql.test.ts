import { describe, expect, it } from 'vitest';
import { dropName, evaluateInstant, InMemorySeriesSource, labelsKey, parsePromQL } from '@/lib/rules';

const S = 1000;
const T = 600 * S;

function source(): InMemorySeriesSource {
  const src = new InMemorySeriesSource();
  for (let t = 0; t <= 600; t += 10) {
    src.push({ __name__: 'http_requests_total', job: 'api', instance: 'a', status: '200' }, t * S, t);
    src.push({ __name__: 'http_requests_total', job: 'api', instance: 'b', status: '500' }, t * S, t / 2);
    src.push({ __name__: 'http_requests_total', job: 'web', instance: 'c', status: '502' }, t * S, 3 * t);
    src.push({ __name__: 'temp', job: 'api' }, t * S, t / 10);
    if (t % 30 === 0) {
      src.push({ __name__: 'up', job: 'api', instance: 'a' }, t * S, 1);
      src.push({ __name__: 'up', job: 'api', instance: 'b' }, t * S, 0);
      src.push({ __name__: 'up', job: 'web', instance: 'c' }, t * S, 1);
    }
  }
  src.add({ __name__: 'old', job: 'x' }, [[200 * S, 7]]);
  for (const [le, v] of [
    ['0.1', 10],
    ['0.5', 50],
    ['1', 90],
    ['+Inf', 100],
  ] as const) {
    src.add({ __name__: 'lat_bucket', job: 'api', le }, [[590 * S, v]]);
  }
  return src;
}

type Row = [expr: string, expected: Record<string, number> | number, at?: number];

/** Result as { '{labels}': value }, for order-free comparison. */
function run(expr: string, at = T): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of evaluateInstant(parsePromQL(expr), source(), at)) out[labelsKey(s.labels)] = s.value;
  return out;
}

const k = (labels: Record<string, string>) => labelsKey(labels);
const upA = { __name__: 'up', job: 'api', instance: 'a' };
const upB = { __name__: 'up', job: 'api', instance: 'b' };
const upC = { __name__: 'up', job: 'web', instance: 'c' };
const reqA = { job: 'api', instance: 'a', status: '200' };
const reqB = { job: 'api', instance: 'b', status: '500' };
const reqC = { job: 'web', instance: 'c', status: '502' };

const rows: Row[] = [
  ['up', { [k(upA)]: 1, [k(upB)]: 0, [k(upC)]: 1 }],
  ['up{job="api"}', { [k(upA)]: 1, [k(upB)]: 0 }],
  ['up{job!="api"}', { [k(upC)]: 1 }],
  ['up{instance=~"a|c"}', { [k(upA)]: 1, [k(upC)]: 1 }],
  ['up{instance!~"a.*"}', { [k(upB)]: 0, [k(upC)]: 1 }],
  ['{__name__="up", instance="a"}', { [k(upA)]: 1 }],
  ['up{instance="a"} offset 10m', { [k(upA)]: 1 }],
  ['up{instance="a"} offset 11m', {}],
  ['old', {}],
  ['old', { [k({ __name__: 'old', job: 'x' })]: 7 }, 490 * S],
  ['rate(http_requests_total[5m])', { [k(reqA)]: 1, [k(reqB)]: 0.5, [k(reqC)]: 3 }],
  ['increase(http_requests_total{instance="a"}[5m])', { [k(reqA)]: 300 }],
  ['rate(http_requests_total{instance="a"}[5m] offset 1m)', { [k(reqA)]: 1 }],
  ['irate(http_requests_total{instance="c"}[1m])', { [k(reqC)]: 3 }],
  ['delta(temp[5m])', { [k({ job: 'api' })]: 30 }],
  ['avg_over_time(temp[1m])', { [k({ job: 'api' })]: 57.5 }],
  ['min_over_time(temp[1m])', { [k({ job: 'api' })]: 55 }],
  ['max_over_time(temp[1m])', { [k({ job: 'api' })]: 60 }],
  ['sum_over_time(temp[1m])', { [k({ job: 'api' })]: 345 }],
  ['count_over_time(temp[1m])', { [k({ job: 'api' })]: 6 }],
  ['last_over_time(temp[1m])', { [k({ __name__: 'temp', job: 'api' })]: 60 }],
  ['quantile_over_time(0.5, temp[1m])', { [k({ job: 'api' })]: 57.5 }],
  ['stdvar_over_time(temp[1m])', { [k({ job: 'api' })]: 17.5 / 6 }],
  ['histogram_quantile(0.5, lat_bucket)', { [k({ job: 'api' })]: 0.5 }],
  ['histogram_quantile(0.2, lat_bucket)', { [k({ job: 'api' })]: 0.2 }],
  ['histogram_quantile(0.05, lat_bucket)', { [k({ job: 'api' })]: 0.05 }],
  ['histogram_quantile(0.95, lat_bucket)', { [k({ job: 'api' })]: 1 }],
  ['abs(-1 * temp)', { [k({ job: 'api' })]: 60 }],
  ['clamp_min(temp, 100)', { [k({ job: 'api' })]: 100 }],
  ['clamp_max(temp, 10)', { [k({ job: 'api' })]: 10 }],
  ['time()', 600],
  ['2 * 3 + 1', 7],
  ['2 > bool 1', 1],
  ['sum(up)', { [k({})]: 2 }],
  ['sum by (job) (up)', { [k({ job: 'api' })]: 1, [k({ job: 'web' })]: 1 }],
  ['sum(up) without (instance)', { [k({ job: 'api' })]: 1, [k({ job: 'web' })]: 1 }],
  ['avg by (job) (up)', { [k({ job: 'api' })]: 0.5, [k({ job: 'web' })]: 1 }],
  ['count(up)', { [k({})]: 3 }],
  ['min(up)', { [k({})]: 0 }],
  ['max by (job) (up)', { [k({ job: 'api' })]: 1, [k({ job: 'web' })]: 1 }],
  ['topk(1, rate(http_requests_total[5m]))', { [k(reqC)]: 3 }],
  ['bottomk by (job) (1, rate(http_requests_total[5m]))', { [k(reqB)]: 0.5, [k(reqC)]: 3 }],
  ['up + 1', { [k(dropName(upA))]: 2, [k(dropName(upB))]: 1, [k(dropName(upC))]: 2 }],
  ['up == 1', { [k(upA)]: 1, [k(upC)]: 1 }],
  ['1 == up', { [k(upA)]: 1, [k(upC)]: 1 }],
  ['up == bool 1', { [k(dropName(upA))]: 1, [k(dropName(upB))]: 0, [k(dropName(upC))]: 1 }],
  [
    'sum by (job) (rate(http_requests_total[5m])) / sum by (job) (up)',
    { [k({ job: 'api' })]: 1.5, [k({ job: 'web' })]: 3 },
  ],
  ['rate(http_requests_total[5m]) > on(instance) (up * 2)', { [k({ instance: 'b' })]: 0.5, [k({ instance: 'c' })]: 3 }],
  ['up and on(instance) rate(http_requests_total{status=~"5.."}[5m])', { [k(upB)]: 0, [k(upC)]: 1 }],
  ['up unless on(instance) rate(http_requests_total{status=~"5.."}[5m])', { [k(upA)]: 1 }],
  ['up{instance="a"} or up{instance="b"}', { [k(upA)]: 1, [k(upB)]: 0 }],
  ['up * ignoring(job) up', { [k({ instance: 'a' })]: 1, [k({ instance: 'b' })]: 0, [k({ instance: 'c' })]: 1 }],
  ['absent(nope{job="x"})', { [k({ job: 'x' })]: 1 }],
  ['-up{instance="a"}', { [k(dropName(upA))]: -1 }],
];

describe('PromQL evaluation (instant, lookback 5m)', () => {
  it.each(rows)('%s', (expr, expected, at) => {
    const got = run(expr, at);
    const want = typeof expected === 'number' ? { [k({})]: expected } : expected;
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
    for (const key of Object.keys(want)) expect(got[key]).toBeCloseTo(want[key], 9);
  });
});

describe('PromQL errors name the unsupported or wrong part', () => {
  it.each([
    ['histogram_count(up)', /unsupported PromQL: function "histogram_count"/],
    ['info(up)', /unsupported PromQL: function "info"/],
    ['limit_ratio(0.5, up)', /unsupported PromQL: aggregation "limit_ratio"/],
    ['up[5m] smoothed', /unsupported PromQL: the smoothed modifier/],
    ['up[5m:1m] offset 1m @ 100 offset 2m', /offset may not be set multiple times/],
    ['rate(up[5m]', /parse error at character/],
    ['rate(up)', /expected type range vector in argument 1 of "rate"/],
    ['1 > 2', /comparisons between scalars must use BOOL modifier/],
    ['{job=~".*"}', /at least one non-empty matcher/],
  ])('%s', (expr, message) => {
    expect(() => parsePromQL(expr)).toThrow(message);
  });

  it('many-to-many matching is an evaluation error', () => {
    expect(() => run('up * ignoring(instance) up')).toThrow(/many-to-many matching not allowed/);
  });
});
