import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_RULE, ruleFieldErrors, ruleRequest, valuesFromRule } from '@/components/alerts/rule-form-values';
import { InMemorySeriesSource, parseRuleFile, RuleManager } from '@/lib/rules';
import { uiRuleSchema } from '@/lib/rules/ui-rule-schema';
import { exportUiRules, UI_RULES_FILE, type UiRule, uiRulesShell, withUiRules } from '@/lib/rules/ui-rules';
import { tempDir } from '../helpers/temp-dir';

const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

const rule = (id: number, body: unknown): UiRule => ({ id, createdAt: 0, updatedAt: 0, ...uiRuleSchema.parse(body) });

const RULES: UiRule[] = [
  rule(1, {
    name: 'CCProxyDown',
    expr: 'up{job="ccproxy"} == 0',
    for: '1m',
    keep_firing_for: '5m',
    labels: { severity: 'critical', team: 'llm: "ops"' },
    annotations: {
      summary: 'CCProxy is down',
      description: 'up is {{ $value }} on {{ $labels.instance }}',
      runbook_url: 'https://runbooks.example.com/ccproxy#down',
    },
  }),
  rule(2, { name: 'HighErrorRate', expr: 'rate(http_requests_total{status=~"5.."}[5m]) > 0.1', for: '90s' }),
  rule(3, { name: 'Multi line', expr: 'sum by (provider) (\n  rate(llm_rate_limited_total[5m])\n) > 1' }),
];

describe('rules made in /alerts', () => {
  it('export as a rule file that the rule-file loader reads back unchanged', () => {
    const [group] = parseRuleFile(exportUiRules(RULES), 'lookout-rules.yml', 15_000);
    expect(group.name).toBe('lookout-ui');
    expect(
      group.rules.map((r) => ({
        name: r.name,
        expr: r.exprText,
        forMs: r.forMs,
        keep: r.keepFiringForMs,
        labels: r.labels,
        annotations: r.annotations,
      })),
    ).toEqual(
      RULES.map((r) => ({
        name: r.name,
        expr: r.expr,
        forMs: r.forMs,
        keep: r.keepFiringForMs,
        labels: r.labels,
        annotations: r.annotations,
      })),
    );
    expect(group.rules.every((r) => r.expr !== null && r.unsupported === null)).toBe(true);
    expect(exportUiRules([])).toBe('groups: []\n');
  });

  it.skipIf(!hasPromtool)('export passes promtool check rules', () => {
    const file = path.join(tempDir(), 'lookout-rules.yml');
    writeFileSync(file, exportUiRules(RULES));
    const res = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
    expect(res.stdout + res.stderr).toContain('SUCCESS: 3 rules found');
    expect(res.status).toBe(0);
  });

  it('run in their own group with the global interval, next to the file groups, and keep state across edits', () => {
    const file = parseRuleFile('groups: [{ name: f, rules: [{ alert: F, expr: up == 0 }] }]', 'a.yml', 30_000);
    const src = new InMemorySeriesSource();
    src.push({ __name__: 'up', job: 'ccproxy' }, 0, 0);
    const m = new RuleManager({ source: src }, withUiRules([...file, uiRulesShell(30_000)], RULES));
    expect(m.list().map((g) => [g.def.name, g.def.file, g.intervalMs])).toEqual([
      ['f', 'a.yml', 30_000],
      ['lookout-ui', UI_RULES_FILE, 30_000],
    ]);
    m.tick(0);
    expect(m.list()[1].status()[0]).toMatchObject({ name: 'CCProxyDown', state: 'pending', health: 'ok' });
    m.load(withUiRules([...file, uiRulesShell(30_000)], [{ ...RULES[0], annotations: {} }]));
    expect(m.list()[1].status()[0]).toMatchObject({ state: 'pending' });
    expect(withUiRules([uiRulesShell(15_000)], [])).toEqual([]);
  });

  it('keep a stored rule the parser now refuses, with health err instead of failing the start', () => {
    const broken = { ...RULES[1], expr: 'rate(up[5m' };
    const [group] = withUiRules([uiRulesShell(15_000)], [broken]);
    const m = new RuleManager({ source: new InMemorySeriesSource() }, [group]);
    m.tick(0);
    expect(m.list()[0].status()[0]).toMatchObject({
      name: 'HighErrorRate',
      health: 'err',
      lastError: expect.stringContaining('expr'),
    });
  });

  it('validate like a rule file, naming the field', () => {
    const issues = (body: unknown) => {
      const r = uiRuleSchema.safeParse(body);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(issues({ name: 'A', expr: 'up ==' })[0]).toMatch(/^expr: /);
    expect(issues({ name: '', expr: 'up' })).toEqual(['name: name is required']);
    expect(issues({ name: 'A', expr: 'up', keep_firing_for: '1 minute' })[0]).toMatch(
      /^keep_firing_for: not a valid duration/,
    );
    expect(issues({ name: 'A', expr: 'up', labels: { alertname: 'B' } })).toEqual([
      'labels.alertname: alertname is set from the rule name',
    ]);
    expect(issues({ name: 'A', expr: 'up', annotations: { summary: '{{ nosuchfn 1 }}' } })[0]).toMatch(
      /^annotations\.summary: template/,
    );
    expect(issues({ name: 'A\nB', expr: 'up' })[0]).toMatch(/^name: /);
  });
});

describe('the rule form', () => {
  it('turns its fields into the API body and the API’s message back onto the fields', () => {
    const values = {
      ...EMPTY_RULE,
      name: 'A',
      expr: 'up == 0',
      for: '',
      summary: ' Down ',
      runbookUrl: 'https://x.example/r',
      labels: 'severity=page\n\nteam = ops',
      annotations: 'dashboard=https://d.example/a=b',
    };
    expect(ruleRequest(values)).toEqual({
      body: {
        name: 'A',
        expr: 'up == 0',
        for: '0s',
        keep_firing_for: '0s',
        labels: { severity: 'page', team: 'ops' },
        annotations: { dashboard: 'https://d.example/a=b', summary: 'Down', runbook_url: 'https://x.example/r' },
      },
    });
    expect(ruleRequest({ ...values, labels: 'severity' })).toEqual({ errors: { labels: 'line 1: write name=value' } });
    const back = valuesFromRule({
      name: 'A',
      kind: 'alert',
      expr: 'up',
      for_s: 90,
      keep_firing_for_s: 0,
      labels: { s: 'x' },
      annotations: { summary: 'S', other: 'o' },
      state: 'inactive',
      health: 'ok',
      last_error: null,
      last_evaluation: null,
      alerts: 0,
    });
    expect(back).toMatchObject({
      for: '1m30s',
      keepFiringFor: '0s',
      summary: 'S',
      labels: 's=x',
      annotations: 'other=o',
    });
    const issues = [
      { path: 'expr', message: 'unexpected end' },
      { path: 'annotations.summary', message: 'template: bad' },
      { path: '', message: 'something else' },
    ];
    expect(ruleFieldErrors({ message: 'expr: unexpected end; …', issues })).toEqual({
      fields: { expr: 'unexpected end', annotations: 'summary: template: bad' },
      general: ['something else'],
    });
  });
});
