import { describe, expect, it } from 'vitest';
import { type GroupStateJSON, InMemorySeriesSource, parseRuleFile, RuleGroup } from '@/lib/rules';

type Step = {
  at: number; // seconds
  value?: number; // sample pushed at this time (g{instance="a"})
  state: 'pending' | 'firing' | 'inactive' | 'none';
  sent?: 'firing' | 'resolved';
  restart?: boolean; // serialise the group and rebuild it before this evaluation
};

function ruleFile(forText: string, keepFiringFor = '') {
  return `groups:
  - name: g
    interval: 15s
    rules:
      - alert: G
        expr: g > 0
        for: ${forText}
${keepFiringFor ? `        keep_firing_for: ${keepFiringFor}\n` : ''}        labels: { severity: page }
        annotations: { summary: "value {{ $value }} on {{ $labels.instance }}" }
`;
}

function runSteps(file: string, steps: Step[]) {
  const src = new InMemorySeriesSource();
  const [def] = parseRuleFile(file, 'r.yml', 15_000);
  let group = new RuleGroup(def, { source: src });
  for (const step of steps) {
    const t = step.at * 1000;
    if (step.value !== undefined) src.push({ __name__: 'g', instance: 'a' }, t, step.value);
    if (step.restart) {
      const saved = JSON.parse(JSON.stringify(group.toJSON())) as GroupStateJSON;
      group = RuleGroup.fromJSON(def, { source: src }, saved);
    }
    const res = group.evaluateGroup(t);
    expect(res.health, `health at ${step.at}s`).toBe('ok');
    const state = res.alerts[0]?.state ?? 'none';
    expect(state, `state at ${step.at}s`).toBe(step.state);
    const sent = res.toSend.map((a) => (a.endsAt <= t ? 'resolved' : 'firing'));
    expect(sent, `sent at ${step.at}s`).toEqual(step.sent ? [step.sent] : []);
  }
}

const cases: { name: string; file: string; steps: Step[] }[] = [
  {
    name: 'pending → firing after for; resent every minute; resolved kept and re-sent for 15 minutes',
    file: ruleFile('1m'),
    steps: [
      { at: 0, value: 1, state: 'pending' },
      { at: 15, value: 1, state: 'pending' },
      { at: 45, value: 1, state: 'pending' },
      { at: 60, value: 1, state: 'firing', sent: 'firing' },
      { at: 75, value: 1, state: 'firing' },
      { at: 120, value: 1, state: 'firing' },
      { at: 135, value: 1, state: 'firing', sent: 'firing' },
      { at: 150, value: 0, state: 'inactive', sent: 'resolved' },
      { at: 165, value: 0, state: 'inactive' },
      { at: 225, value: 0, state: 'inactive', sent: 'resolved' },
      { at: 1050, value: 0, state: 'inactive', sent: 'resolved' },
      { at: 1065, value: 0, state: 'none' },
    ],
  },
  {
    name: 'a pending alert that clears is dropped and never sent',
    file: ruleFile('1m'),
    steps: [
      { at: 0, value: 1, state: 'pending' },
      { at: 30, value: 1, state: 'pending' },
      { at: 45, value: 0, state: 'none' },
      { at: 60, value: 1, state: 'pending' },
      { at: 120, value: 1, state: 'firing', sent: 'firing' },
    ],
  },
  {
    name: 'for: 0 fires on the first evaluation',
    file: ruleFile('0s'),
    steps: [{ at: 0, value: 1, state: 'firing', sent: 'firing' }],
  },
  {
    name: 'keep_firing_for holds a firing alert after the condition clears',
    file: ruleFile('0s', '30s'),
    steps: [
      { at: 0, value: 1, state: 'firing', sent: 'firing' },
      { at: 15, value: 0, state: 'firing' },
      { at: 30, value: 0, state: 'firing' },
      { at: 45, value: 0, state: 'inactive', sent: 'resolved' },
    ],
  },
  {
    name: 'keep_firing_for restarts when the condition returns',
    file: ruleFile('0s', '30s'),
    steps: [
      { at: 0, value: 1, state: 'firing', sent: 'firing' },
      { at: 15, value: 0, state: 'firing' },
      { at: 30, value: 1, state: 'firing' },
      { at: 45, value: 0, state: 'firing' },
      { at: 60, value: 0, state: 'firing' },
      { at: 75, value: 0, state: 'inactive', sent: 'resolved' },
    ],
  },
  {
    name: 'restart while pending keeps the for clock',
    file: ruleFile('1m'),
    steps: [
      { at: 0, value: 1, state: 'pending' },
      { at: 30, value: 1, state: 'pending' },
      { at: 45, value: 1, state: 'pending', restart: true },
      { at: 60, value: 1, state: 'firing', sent: 'firing', restart: true },
    ],
  },
  {
    name: 'restart while firing neither forgets the alert nor re-sends it early',
    file: ruleFile('1m'),
    steps: [
      { at: 0, value: 1, state: 'pending' },
      { at: 60, value: 1, state: 'firing', sent: 'firing' },
      { at: 75, value: 1, state: 'firing', restart: true },
      { at: 90, value: 1, state: 'firing', restart: true },
      { at: 135, value: 1, state: 'firing', sent: 'firing' },
      { at: 150, value: 0, state: 'inactive', sent: 'resolved', restart: true },
      { at: 165, value: 0, state: 'inactive', restart: true },
    ],
  },
];

describe('alert state machine (Prometheus semantics)', () => {
  it.each(cases)('$name', ({ file, steps }) => runSteps(file, steps));

  it('templated labels and annotations; identity is the label set after templating', () => {
    const src = new InMemorySeriesSource();
    src.add({ __name__: 'g', instance: 'a' }, [[0, 2.5]]);
    src.add({ __name__: 'g', instance: 'b' }, [[0, 1234567]]);
    const [def] = parseRuleFile(
      `groups:
  - name: g
    rules:
      - alert: G
        expr: g > 0
        labels: { who: "{{ $labels.instance }}-x" }
        annotations:
          summary: "{{ $value | humanize }} on {{ $labels.instance }}"
          description: '{{ printf "%.2f" $value }}'
`,
      'r.yml',
      15_000,
    );
    const res = new RuleGroup(def, { source: src }).evaluateGroup(0);
    const byInstance = Object.fromEntries(res.alerts.map((a) => [a.labels.instance, a]));
    expect(byInstance.a.labels).toEqual({ alertname: 'G', instance: 'a', who: 'a-x' });
    expect(byInstance.b.annotations).toEqual({ summary: '1.235M on b', description: '1234567.00' });
    expect(byInstance.a.annotations.summary).toBe('2.5 on a');
  });

  it('two series with the same label set after templating are a rule error', () => {
    const src = new InMemorySeriesSource();
    src.add({ __name__: 'g', instance: 'a' }, [[0, 1]]);
    src.add({ __name__: 'h', instance: 'a' }, [[0, 1]]);
    const [def] = parseRuleFile(
      'groups:\n  - name: g\n    rules:\n      - alert: G\n        expr: \'{__name__=~"g|h"} > 0\'\n',
      'r.yml',
      15_000,
    );
    const res = new RuleGroup(def, { source: src }).evaluateGroup(0);
    expect(res.health).toBe('err');
    expect(res.lastError).toMatch(/same labelset/);
  });

  it.each([
    ['limit_ratio(0.5, up)', 'aggregation "limit_ratio"'],
    ['info(up)', 'function "info"'],
    ['histogram_avg(up)', 'function "histogram_avg"'],
    ['up[5m] anchored', 'the anchored modifier'],
    ['up smoothed', 'the smoothed modifier'],
    ['rate(up[5m+1m])', 'duration expression "5m+1m" (use a literal such as 5m)'],
  ])('%s loads, and evaluates to health err naming the construct', (expr, part) => {
    const [def] = parseRuleFile(
      `groups:\n  - name: g\n    rules:\n      - alert: G\n        expr: '${expr}'\n`,
      'r.yml',
      15_000,
    );
    const group = new RuleGroup(def, { source: new InMemorySeriesSource() });
    expect(group.evaluateGroup(0).health).toBe('err');
    expect(group.status()[0]).toMatchObject({ health: 'err', lastError: `unsupported PromQL: ${part}` });
  });

  it('unsupported PromQL loads as a rule with health err naming the part', () => {
    const [def] = parseRuleFile(
      'groups:\n  - name: g\n    rules:\n      - alert: G\n        expr: histogram_count(g) > 0\n',
      'r.yml',
      15_000,
    );
    const group = new RuleGroup(def, { source: new InMemorySeriesSource() });
    const res = group.evaluateGroup(0);
    expect(res.health).toBe('err');
    expect(group.status()[0]).toMatchObject({
      health: 'err',
      lastError: 'unsupported PromQL: function "histogram_count"',
    });
  });
});
