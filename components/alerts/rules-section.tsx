'use client';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import type { RuleGroup } from '@/lib/swr/alert-types';
import { formatRuleDuration } from './format-value';
import { RuleItem } from './rule-item';

const EXAMPLE = `# lookout.yml
rule_files:
  - alerts.yml

# alerts.yml
groups:
  - name: ccproxy
    rules:
      - alert: CCProxyDown
        expr: up{job="ccproxy"} == 0
        for: 1m
        labels: { severity: critical }
        annotations: { summary: "CCProxy service is down" }`;

export function RulesSection({ groups, error, refreshMs }: { groups: RuleGroup[] | undefined; error: Error | undefined; refreshMs: number }) {
  return (
    <Card title="Rules">
      {error && <Notice tone="error">Could not load rules: {error.message}</Notice>}
      {groups === undefined ? (
        !error && <LoadingBlock label="Loading rules" className="h-32" />
      ) : groups.length === 0 ? (
        <EmptyState title="No rules loaded — add rule_files to lookout.yml">
          <pre className="mx-auto mt-2 max-w-md overflow-x-auto rounded-md bg-surface-2 p-3 text-left font-mono text-xs text-fg">{EXAMPLE}</pre>
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {groups.map((g) => (
            <section key={`${g.file}:${g.name}`} aria-label={`Rule group ${g.name}`} className="rounded-md border border-line p-3" data-testid="rule-group">
              <h3 className="mb-2 flex flex-wrap items-baseline gap-x-3 text-sm">
                <span className="font-semibold">{g.name}</span>
                <span className="break-all font-mono text-xs text-muted">{g.file}</span>
                <span className="text-xs text-muted">every {formatRuleDuration(g.interval_s)}</span>
              </h3>
              <ul className="divide-y divide-line">
                {g.rules.map((r, i) => (
                  <RuleItem key={`${i}:${r.name}`} rule={r} refreshMs={refreshMs} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
