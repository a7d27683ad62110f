'use client';
import { useId, useState } from 'react';
import { RelativeTime } from '@/components/ui/local-time';
import type { Rule } from '@/lib/swr/alert-types';
import { formatRuleDuration } from './format-value';
import { LabelChips } from './label-chips';
import { RulePreview } from './rule-preview';
import { StatePill } from './state-pill';

export function RuleItem({ rule, refreshMs }: { rule: Rule; refreshMs: number }) {
  const [previewing, setPreviewing] = useState(false);
  const previewId = useId();
  const alerting = rule.kind !== 'recording';
  return (
    <li className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="rule-item" data-rule={rule.name}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 className="break-all font-semibold">{rule.name}</h4>
        {alerting ? <StatePill state={rule.state} /> : <StatePill state="recording" />}
        <span data-testid="rule-health">
          <StatePill state={rule.health} label={`health ${rule.health}`} />
        </span>
        {alerting && <span className="text-sm text-muted">for {formatRuleDuration(rule.for_s)}</span>}
        <span className="text-sm text-muted">
          evaluated <RelativeTime ts={rule.last_evaluation} />
        </span>
        <button
          type="button"
          onClick={() => setPreviewing((p) => !p)}
          aria-expanded={previewing}
          aria-controls={previewing ? previewId : undefined}
          aria-label={`${previewing ? 'Hide preview of' : 'Preview'} ${rule.name}`}
          className="ml-auto rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2"
        >
          {previewing ? 'Hide preview' : 'Preview'}
        </button>
      </div>
      {rule.health === 'err' && rule.last_error && (
        <p className="break-words text-sm text-down" role="note">
          {rule.last_error}
        </p>
      )}
      <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-surface-2 px-2 py-1.5 font-mono text-xs">
        <code>{rule.expr}</code>
      </pre>
      <LabelChips labels={rule.labels} />
      {previewing && <RulePreview id={previewId} expr={rule.expr} refreshMs={refreshMs} />}
    </li>
  );
}
