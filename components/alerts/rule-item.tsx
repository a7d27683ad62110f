'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { RelativeTime } from '@/components/ui/local-time';
import { formatSeconds } from '@/lib/format/duration';
import type { Rule } from '@/lib/swr/alert-types';
import { ruleId } from '@/lib/swr/ui-rules';
import { LabelChips } from './label-chips';
import { RuleDeleteButton } from './rule-delete-button';
import { RuleEditor } from './rule-editor';
import { RulePreview } from './rule-preview';
import { safeHttpUrl } from './safe-link';
import { StatePill } from './state-pill';

const button = 'rounded-md border border-line px-2.5 py-1 text-xs font-medium hover:bg-surface-2';

/** One rule: state, health, expression and labels; rules made in /alerts can be edited and deleted by an admin. */
export function RuleItem({
  rule,
  refreshMs,
  canEdit = false,
  onMessage,
  linked = false,
}: {
  rule: Rule;
  refreshMs: number;
  canEdit?: boolean;
  onMessage?: (text: string) => void;
  /** Opened from an alert's generatorURL (`/alerts?rule=…`): scrolled to, with its preview shown. */
  linked?: boolean;
}) {
  const [previewing, setPreviewing] = useState(linked);
  const itemRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (linked) itemRef.current?.scrollIntoView({ block: 'start' });
  }, [linked]);
  const [editing, setEditing] = useState(false);
  const previewId = useId();
  const alerting = rule.kind === 'alert';
  const id = ruleId(rule);
  const runbook = safeHttpUrl(rule.annotations?.runbook_url);
  if (editing && id !== null) {
    return (
      <li className="py-3 first:pt-0 last:pb-0" data-testid="rule-item" data-rule={rule.name}>
        <RuleEditor
          editing={{ id, rule }}
          onDone={(text) => (setEditing(false), onMessage?.(text))}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li
      ref={itemRef}
      className="space-y-2 py-3 first:pt-0 last:pb-0"
      data-testid="rule-item"
      data-rule={rule.name}
      data-linked={linked || undefined}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h4 className="break-all font-semibold">{rule.name}</h4>
        {alerting ? <StatePill state={rule.state} /> : <StatePill state="recording" />}
        <span data-testid="rule-health">
          <StatePill state={rule.health} label={`health ${rule.health}`} />
        </span>
        {alerting && <span className="text-sm text-muted">for {formatSeconds(rule.for_s)}</span>}
        {rule.keep_firing_for_s > 0 && (
          <span className="text-sm text-muted">keep firing {formatSeconds(rule.keep_firing_for_s)}</span>
        )}
        <span className="text-sm text-muted">
          evaluated <RelativeTime ts={rule.last_evaluation} />
        </span>
        <span className="ml-auto flex flex-wrap gap-2">
          {runbook && (
            <a href={runbook} target="_blank" rel="noopener noreferrer" className={`${button} text-accent`}>
              Runbook<span className="sr-only"> for {rule.name} (opens in a new tab)</span>
            </a>
          )}
          <button
            type="button"
            onClick={() => setPreviewing((p) => !p)}
            aria-expanded={previewing}
            aria-controls={previewing ? previewId : undefined}
            aria-label={`${previewing ? 'Hide preview of' : 'Preview'} ${rule.name}`}
            className={button}
          >
            {previewing ? 'Hide preview' : 'Preview'}
          </button>
          {canEdit && id !== null && (
            <>
              <button
                type="button"
                onClick={() => setEditing(true)}
                aria-label={`Edit ${rule.name}`}
                className={button}
              >
                Edit
              </button>
              <RuleDeleteButton id={id} name={rule.name} onMessage={onMessage} />
            </>
          )}
        </span>
      </div>
      {rule.health === 'err' && rule.last_error && (
        <p className="break-words text-sm text-down" role="note">
          {rule.last_error}
        </p>
      )}
      <pre className="overflow-x-auto whitespace-pre-wrap break-all rounded-md bg-surface-2 px-2 py-1.5 font-mono text-xs">
        <code>{rule.expr}</code>
      </pre>
      {rule.annotations?.summary && <p className="text-sm text-muted">{rule.annotations.summary}</p>}
      <LabelChips labels={rule.labels} />
      {previewing && <RulePreview id={previewId} expr={rule.expr} refreshMs={refreshMs} />}
    </li>
  );
}
