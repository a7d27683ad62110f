import { describe, expect, it } from 'vitest';
import {
  formatMatcher,
  matcherLinesFromLabels,
  parseMatcherLines,
  silenceMatches,
} from '@/components/alerts/silence-matchers';
import { silenceFieldErrors, silenceRequest } from '@/components/alerts/silence-request';

describe('parseMatcherLines', () => {
  it('reads the four operators, quoted or bare', () => {
    const r = parseMatcherLines('alertname="CCProxyDown"\nseverity=~"warn|crit"\n\n  job!="x"  \ninstance !~ 10\\..*');
    expect(r).toEqual({
      ok: true,
      matchers: [
        { name: 'alertname', value: 'CCProxyDown', isRegex: false, isEqual: true },
        { name: 'severity', value: 'warn|crit', isRegex: true, isEqual: true },
        { name: 'job', value: 'x', isRegex: false, isEqual: false },
        { name: 'instance', value: '10\\..*', isRegex: true, isEqual: false },
      ],
    });
  });

  it('unescapes quoted values and tolerates a trailing comma', () => {
    const r = parseMatcherLines('summary="say \\"hi\\"",');
    expect(r).toEqual({ ok: true, matchers: [{ name: 'summary', value: 'say "hi"', isRegex: false, isEqual: true }] });
  });

  it('names the bad line', () => {
    const r = parseMatcherLines('alertname="A"\nnot a matcher\n1abc="x"\nsev=~"("');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(3);
    expect(r.errors[0]).toMatch(/^line 2: expected name="value"/);
    expect(r.errors[1]).toMatch(/^line 3:/);
    expect(r.errors[2]).toMatch(/^line 4: .*regular expression/);
  });

  it('wants at least one matcher', () => {
    expect(parseMatcherLines('  \n')).toEqual({ ok: false, errors: [expect.stringContaining('at least one matcher')] });
  });
});

describe('formatting matchers', () => {
  it('round-trips through the parser', () => {
    const ms = [
      { name: 'a', value: 'b "c"', isRegex: false, isEqual: true },
      { name: 'sev', value: 'warn|crit', isRegex: true, isEqual: false },
    ];
    const text = ms.map(formatMatcher).join('\n');
    expect(text).toBe('a="b \\"c\\""\nsev!~"warn|crit"');
    expect(parseMatcherLines(text)).toEqual({ ok: true, matchers: ms });
  });

  it('turns an alert’s labels into matcher lines, alertname first', () => {
    expect(matcherLinesFromLabels({ severity: 'critical', job: 'ccproxy', alertname: 'CCProxyDown' })).toBe(
      'alertname="CCProxyDown"\njob="ccproxy"\nseverity="critical"',
    );
  });
});

describe('the silence form’s request', () => {
  const base = { matchers: 'alertname="A"', duration: '4h', endsAt: '', author: 'me', comment: 'why' } as const;

  it('sends a preset as a relative end time', () => {
    expect(silenceRequest({ ...base })).toEqual({
      body: {
        matchers: [{ name: 'alertname', value: 'A', isRegex: false, isEqual: true }],
        ends_at: 'now+4h',
        created_by: 'me',
        comment: 'why',
      },
    });
  });

  it('sends a chosen end time as an instant, and wants one', () => {
    const r = silenceRequest({ ...base, duration: 'custom', endsAt: '2030-01-02T03:04' });
    expect('body' in r && r.body.ends_at).toBe(new Date('2030-01-02T03:04').toISOString());
    expect(silenceRequest({ ...base, duration: 'custom' })).toEqual({
      errors: { ends_at: 'pick the time the silence ends' },
    });
  });

  it('puts the API’s messages on the fields they name', () => {
    const issues = [
      { path: 'created_by', message: 'created_by is required' },
      { path: 'matchers.0.name', message: 'matchers: name must be a label name' },
      { path: '', message: 'boom' },
    ];
    expect(silenceFieldErrors({ message: 'created_by: created_by is required; …', issues })).toEqual({
      fields: { created_by: 'created_by is required', matchers: 'matchers: name must be a label name' },
      general: ['boom'],
    });
  });
});

describe('silenceMatches', () => {
  const labels = { alertname: 'CCProxyDown', severity: 'critical', job: 'ccproxy' };
  const m = (text: string) => {
    const r = parseMatcherLines(text);
    if (!r.ok) throw new Error(r.errors.join());
    return r.matchers;
  };

  it('needs every matcher to match, with anchored regexes', () => {
    expect(silenceMatches(m('alertname="CCProxyDown"\nseverity=~"warn|crit.*"'), labels)).toBe(true);
    expect(silenceMatches(m('severity=~"crit"'), labels)).toBe(false);
    expect(silenceMatches(m('alertname="CCProxyDown"\njob!="ccproxy"'), labels)).toBe(false);
    expect(silenceMatches(m('job!~"web.*"'), labels)).toBe(true);
  });

  it('treats a missing label as empty', () => {
    expect(silenceMatches(m('team=""'), labels)).toBe(true);
    expect(silenceMatches(m('team!=""'), labels)).toBe(false);
  });
});
