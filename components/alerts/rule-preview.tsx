'use client';
import { Notice } from '@/components/ui/notice';
import { LoadingBlock } from '@/components/ui/skeleton';
import { useRulePreview } from '@/lib/swr/use-rule-preview';
import { formatSampleValue } from './format-value';
import { LabelChips } from './label-chips';

/** What the rule's expression returns now: one line per series, or the evaluation error. */
export function RulePreview({ id, expr, refreshMs }: { id: string; expr: string; refreshMs: number }) {
  const { preview, error } = useRulePreview(expr, refreshMs);
  return (
    <div id={id} className="rounded-md border border-line bg-bg p-2" data-testid="rule-preview" aria-live="polite">
      {error ? (
        <Notice tone="error">Preview failed: {error.message}</Notice>
      ) : !preview ? (
        <LoadingBlock label="Evaluating the expression" className="h-10" />
      ) : preview.error ? (
        <Notice tone="error">{preview.error}</Notice>
      ) : preview.result.length === 0 ? (
        <p className="text-sm text-muted">Returns nothing now: no series match, or the condition is false.</p>
      ) : (
        <table className="tabular w-full text-left text-sm">
          <caption className="sr-only">Series the expression returns now</caption>
          <thead>
            <tr className="text-xs text-muted">
              <th scope="col" className="px-1 py-1 font-medium">
                Series
              </th>
              <th scope="col" className="px-1 py-1 text-right font-medium">
                Value now
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.result.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the result is replaced whole, never reordered, and samples have no id
              <tr key={i} className="border-t border-line">
                <td className="px-1 py-1">
                  {Object.keys(s.labels).length ? (
                    <LabelChips labels={s.labels} />
                  ) : (
                    <span className="text-muted">{'{}'}</span>
                  )}
                </td>
                <td className="px-1 py-1 text-right font-mono" data-testid="preview-value">
                  {formatSampleValue(s.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview?.truncated && (
        <p className="mt-1 text-xs text-muted">Showing the first {preview.result.length} series.</p>
      )}
    </div>
  );
}
