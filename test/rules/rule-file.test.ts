import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleFiles, parseRuleFile } from '@/lib/rules';

const ok = `groups:
  - name: a
    interval: 30s
    rules:
      - alert: X
        expr: up == 0
        for: 5m
        keep_firing_for: 10m
`;

describe('rule file loading', () => {
  it('reads groups, interval, for and keep_firing_for', () => {
    const [g] = parseRuleFile(ok, 'alerts.yml', 15_000);
    expect(g).toMatchObject({ name: 'a', file: 'alerts.yml', intervalMs: 30_000 });
    expect(g.rules[0]).toMatchObject({
      name: 'X',
      forMs: 300_000,
      keepFiringForMs: 600_000,
      labels: {},
      annotations: {},
    });
  });

  it('defaults the interval to evaluation_interval', () => {
    expect(parseRuleFile('groups:\n  - name: a\n    rules: []\n', 'f.yml', 15_000)[0].intervalMs).toBe(15_000);
  });

  it.each([
    ['groups: [\n', /^f\.yml: invalid YAML/],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up ==\n',
      /^f\.yml: group "a", rule 1 \("X"\): expr: PromQL parse error/,
    ],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        for: 5 minutes\n',
      /^f\.yml: group "a", rule 1: for: not a valid duration/,
    ],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        fro: 5m\n',
      /^f\.yml: group "a", rule 1: .*fro/,
    ],
    ['groups:\n  - name: a\n    rules:\n      - expr: up\n', /exactly one of "alert" or "record"/],
    ['groups:\n  - name: a\n    rules: []\n  - name: a\n    rules: []\n', /group "a": repeated in the same file/],
    [
      'groups:\n  - name: a\n    rules:\n      - alert: X\n        expr: up\n        annotations: { s: "{{ if 1 }}" }\n',
      /rule 1 \("X"\): template of "s": template: __alert_X:1: unexpected EOF/,
    ],
  ])('rejects %#', (text, err) => expect(() => parseRuleFile(text, 'f.yml', 15_000)).toThrow(err));

  it('loads files relative to a base directory and names a missing file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
    writeFileSync(path.join(dir, 'alerts.yml'), ok);
    expect(loadRuleFiles(['alerts.yml'], dir, 15_000)).toHaveLength(1);
    expect(() => loadRuleFiles(['missing.yml'], dir, 15_000)).toThrow(/^missing\.yml: cannot read rule file: ENOENT/);
  });

  it('keeps recording rules visible but marks them unsupported', () => {
    const [g] = parseRuleFile(
      'groups:\n  - name: a\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n',
      'f.yml',
      15_000,
    );
    expect(g.rules[0]).toMatchObject({
      kind: 'record',
      unsupported: expect.stringMatching(/recording rules are not supported/),
    });
  });
});
