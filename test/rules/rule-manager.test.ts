import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InMemorySeriesSource, loadRuleFiles, parseRuleFile, RuleManager } from '@/lib/rules';

const file = (forText: string, extra = '') => `groups:
  - name: g
    interval: 15s
    rules:
      - alert: G
        expr: g > 0
        for: ${forText}
${extra}`;

describe('RuleManager', () => {
  it('evaluates each group on multiples of its interval', () => {
    const src = new InMemorySeriesSource();
    const m = new RuleManager({ source: src }, parseRuleFile(file('0s'), 'a.yml', 15_000));
    src.push({ __name__: 'g' }, 0, 1);
    expect(m.tick(0)).toHaveLength(1);
    expect(m.nextDueAt()).toBe(15_000);
    expect(m.tick(10_000)).toHaveLength(0);
    expect(m.list()[0].status()[0].lastEvaluationMs).toBe(0);
    m.tick(15_000);
    expect(m.list()[0].status()[0].lastEvaluationMs).toBe(15_000);
  });

  it('a reload keeps the state of unchanged rules (pending keeps its for clock)', () => {
    const src = new InMemorySeriesSource();
    src.push({ __name__: 'g' }, 0, 1);
    const m = new RuleManager({ source: src }, parseRuleFile(file('1m'), 'a.yml', 15_000));
    m.tick(0);
    const extra = '      - alert: H\n        expr: g > 5\n';
    m.load(parseRuleFile(file('1m', extra), 'a.yml', 15_000));
    src.push({ __name__: 'g' }, 60_000, 1);
    m.tick(60_000);
    expect(
      m
        .list()[0]
        .status()
        .map((r) => [r.name, r.state]),
    ).toEqual([
      ['G', 'firing'],
      ['H', 'inactive'],
    ]);
  });

  it('restores from toJSON after a restart', () => {
    const src = new InMemorySeriesSource();
    src.push({ __name__: 'g' }, 0, 1);
    const defs = parseRuleFile(file('1m'), 'a.yml', 15_000);
    const m1 = new RuleManager({ source: src }, defs);
    m1.tick(0);
    const m2 = new RuleManager({ source: src }, defs, JSON.parse(JSON.stringify(m1.toJSON())));
    src.push({ __name__: 'g' }, 60_000, 1);
    expect(m2.tick(60_000).map((a) => a.labels.alertname)).toEqual(['G']);
  });
});

describe('rule_files globs', () => {
  it('expands a glob in the file name, in sorted order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    mkdirSync(path.join(dir, 'rules'));
    writeFileSync(path.join(dir, 'rules', 'b.yml'), file('0s').replace('name: g', 'name: b'));
    writeFileSync(path.join(dir, 'rules', 'a.yml'), file('0s').replace('name: g', 'name: a'));
    writeFileSync(path.join(dir, 'rules', 'c.txt'), 'not rules');
    const groups = loadRuleFiles(['rules/*.yml'], dir, 15_000);
    expect(groups.map((g) => [g.file, g.name])).toEqual([
      ['rules/a.yml', 'a'],
      ['rules/b.yml', 'b'],
    ]);
  });
});
