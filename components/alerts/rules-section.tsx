'use client';
import { useState } from 'react';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { formatSeconds } from '@/lib/format/duration';
import type { RuleGroup } from '@/lib/swr/alert-types';
import { isEditableGroup } from '@/lib/swr/ui-rules';
import { RuleEditor } from './rule-editor';
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

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2';

export function RulesSection({
  groups,
  error,
  refreshMs,
  canEdit,
  linkedRule = null,
}: {
  groups: RuleGroup[] | undefined;
  error: Error | undefined;
  refreshMs: number;
  canEdit: boolean;
  linkedRule?: string | null;
}) {
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const hasUiRules = groups?.some(isEditableGroup) ?? false;
  const actions = (
    <span className="flex flex-wrap gap-2">
      {hasUiRules && (
        <a
          href="/api/v1/rules/export"
          download="lookout-rules.yml"
          className={button}
          title="The rules made here, as a Prometheus rule file"
        >
          Export rule file
        </a>
      )}
      {canEdit && !creating && (
        <button type="button" className={button} onClick={() => (setCreating(true), setMessage(null))}>
          New rule
        </button>
      )}
    </span>
  );
  const done = (text: string) => {
    setCreating(false);
    setMessage(text);
  };
  return (
    <Card title="Rules" actions={actions}>
      <div className="space-y-3">
        {message && (
          <Notice role="status">
            <span data-testid="rule-message">{message}</span>
          </Notice>
        )}
        {creating && <RuleEditor onDone={done} onCancel={() => setCreating(false)} />}
        {error && <Notice tone="error">Could not load rules: {error.message}</Notice>}
        {groups === undefined
          ? !error && <LoadingBlock label="Loading rules" className="h-32" />
          : groups.length === 0
            ? !creating && (
                <EmptyState title="No rules loaded — add rule_files to lookout.yml">
                  {canEdit && <p className="mb-2">or create one here with “New rule”.</p>}
                  <pre className="mx-auto mt-2 max-w-md overflow-x-auto rounded-md bg-surface-2 p-3 text-left font-mono text-xs text-fg">
                    {EXAMPLE}
                  </pre>
                </EmptyState>
              )
            : groups.map((g) => (
                <section
                  key={`${g.file}:${g.name}`}
                  aria-label={`Rule group ${g.name}`}
                  className="rounded-md border border-line p-3"
                  data-testid="rule-group"
                  data-editable={isEditableGroup(g) || undefined}
                >
                  <h3 className="mb-2 flex flex-wrap items-baseline gap-x-3 text-sm">
                    <span className="font-semibold">{g.name}</span>
                    <span className="break-all font-mono text-xs text-muted">{g.file}</span>
                    <span className="text-xs text-muted">every {formatSeconds(g.interval_s)}</span>
                  </h3>
                  <ul className="divide-y divide-line">
                    {g.rules.map((r, i) => (
                      <RuleItem
                        // biome-ignore lint/suspicious/noArrayIndexKey: rule names may repeat in a group
                        key={`${i}:${r.name}`}
                        rule={r}
                        refreshMs={refreshMs}
                        canEdit={canEdit && isEditableGroup(g)}
                        onMessage={setMessage}
                        linked={linkedRule === r.name}
                      />
                    ))}
                  </ul>
                </section>
              ))}
      </div>
    </Card>
  );
}
