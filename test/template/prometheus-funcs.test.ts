import { describe, expect, it } from 'vitest';
import { checkTemplate, expandOrExplain, expandTemplate } from '@/lib/rules';

const data = {
  labels: { job: 'api', instance: 'web-1.example.com:9090' },
  value: 0.25,
  alertName: 'A',
  externalURL: 'https://prom.example.com/sub/path',
};

describe("Prometheus's template functions", () => {
  it.each([
    [
      '{{ externalURL }} {{ pathPrefix }} {{ $externalURL }}',
      'https://prom.example.com/sub/path /sub/path https://prom.example.com/sub/path',
    ],
    ['{{ $labels.instance | stripPort }} {{ $labels.instance | stripDomain }}', 'web-1.example.com web-1:9090'],
    [
      '{{ $value | humanizePercentage }} {{ humanize1024 2048 }} {{ toTime 0 }}',
      '25% 2ki 1970-01-01 00:00:00 +0000 UTC',
    ],
    ['{{ parseDuration "1m30s" }} {{ humanizeDuration (parseDuration "90m") }}', '90 1h 30m 0s'],
    ['{{ with $x := args "a" 2 }}{{ $x.arg0 }}{{ index $x "arg1" }}{{ end }}', 'a2'],
  ])('%j → %j', (tmpl, want) => expect(expandTemplate(tmpl, data)).toBe(want));

  it('refuses query at load with a clear message, as Lookout cannot run PromQL from a template', () => {
    expect(() => checkTemplate('{{ query "up" | first | value }}', 'A')).toThrow(
      'template: __alert_A:1: unsupported template function "query": Lookout templates cannot run PromQL queries',
    );
  });

  it('the query-result functions parse but fail clearly when called', () => {
    expect(() =>
      checkTemplate('{{ range sortByLabel "x" . }}{{ label "a" . }} {{ strvalue . }}{{ end }}'),
    ).not.toThrow();
    expect(expandOrExplain('{{ value . }}', data)).toMatch(
      /^<error expanding template: error executing template __alert_A: .*error calling value: query results are not available/,
    );
  });

  it('unknown functions fail the load as Go does', () => {
    expect(() => checkTemplate('{{ humanise $value }}', 'A')).toThrow(
      'template: __alert_A:1: function "humanise" not defined',
    );
  });
});
