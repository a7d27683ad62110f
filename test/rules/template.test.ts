import { describe, expect, it } from 'vitest';
import { expandTemplate, formatG, humanize, humanizeDuration, humanizePercentage } from '@/lib/rules';

describe('Go float formatting of $value', () => {
  it.each([
    [0.5, '0.5'],
    [1e6, '1e+06'],
    [123456, '123456'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1234567.5, '1.2345675e+06'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-2, '-2'],
  ])('%s → %s', (v, want) => expect(formatG(v)).toBe(want));
});

describe('Prometheus template functions', () => {
  it.each([
    [humanize, 1234567, '1.235M'],
    [humanize, 0, '0'],
    [humanize, 999, '999'],
    [humanize, 1000, '1k'],
    [humanize, 0.000123, '123u'],
    [humanize, 0.5, '500m'],
    [humanizeDuration, 3725, '1h 2m 5s'],
    [humanizeDuration, 90061, '1d 1h 1m 1s'],
    [humanizeDuration, 61, '1m 1s'],
    [humanizeDuration, 1.5, '1.5s'],
    [humanizeDuration, 0.5, '500ms'],
    [humanizeDuration, 0, '0s'],
    [humanizePercentage, 0.1234, '12.34%'],
  ] as const)('%o(%s) → %s', (fn, v, want) => expect(fn(v)).toBe(want));
});

describe('expandTemplate', () => {
  const data = { labels: { job: 'ccproxy', instance: 'h:1' }, value: 2.345678 };
  it.each([
    ['Error rate is {{ $value }}', 'Error rate is 2.345678'],
    ['{{ $labels.job }} on {{ $labels.instance }}', 'ccproxy on h:1'],
    ['{{ .Labels.job }} {{ .Value }}', 'ccproxy 2.345678'],
    ['{{ humanize $value }}', '2.346'],
    ['{{ $value | humanize }}', '2.346'],
    ['{{ $value | humanizeDuration }}', '2.346s'],
    ['{{ printf "%.2f" $value }}', '2.35'],
    ['{{ $value | printf "%.1f" }}', '2.3'],
    // promtool test rules (Prometheus 2.42) renders a missing label as "": its templates run with missingkey=zero.
    ['{{ $labels.missing }}', ''],
    ['a  {{- $labels.job -}}  b', 'accproxyb'],
    ['{{ $labels.job | toUpper }}', 'CCPROXY'],
  ])('%s', (tmpl, want) => expect(expandTemplate(tmpl, data)).toBe(want));

  it.each([
    ['{{ if $value }}x', /unexpected EOF/],
    ['{{ query "up" }}', /unsupported template function "query"/],
  ])('rejects %s', (tmpl, err) => expect(() => expandTemplate(tmpl, data)).toThrow(err));
});
