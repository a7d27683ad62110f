import type { ReactNode } from 'react';
import type { Change } from '@/lib/format/change';

const TONE_TEXT = { up: 'text-up', down: 'text-down', pending: 'text-pending', neutral: 'text-fg' } as const;
export type TileTone = keyof typeof TONE_TEXT;

/** `worse` says which way is bad (errors rising is bad, requests rising is not), so the change is coloured honestly. */
export function StatTile({
  label,
  value,
  hint,
  tone = 'neutral',
  change,
  worse,
  testId,
  size = 'normal',
}: {
  label: string;
  value: ReactNode;
  hint?: string;
  tone?: TileTone;
  change?: Change | null;
  worse?: 'up' | 'down';
  testId?: string;
  /** `wall`: readable from across a room. */
  size?: 'normal' | 'wall';
}) {
  const big = size === 'wall';
  const bad = change && worse && change.direction === worse;
  const good = change && worse && change.direction !== 'flat' && change.direction !== worse;
  return (
    <div className="min-w-0 rounded-lg border border-line bg-surface px-3 py-2 sm:px-4 sm:py-3" data-testid={testId}>
      <div className={`truncate uppercase tracking-wide text-muted ${big ? 'text-[1.4vh]' : 'text-xs'}`}>{label}</div>
      <div
        className={`tabular mt-1 font-semibold ${big ? 'text-[5vh] leading-tight' : 'text-lg sm:text-2xl'} ${TONE_TEXT[tone]}`}
        title={hint}
      >
        {value}
      </div>
      {change !== undefined && (
        <div
          title="Change against the window of equal length before this one"
          className={`tabular mt-0.5 truncate ${big ? 'text-[1.5vh]' : 'text-xs'} ${bad ? 'text-down' : good ? 'text-up' : 'text-muted'}`}
        >
          {change ? (
            <>
              <span aria-hidden="true">
                {change.direction === 'up' ? '▲ ' : change.direction === 'down' ? '▼ ' : ''}
              </span>
              {change.text} <span className="text-muted">vs prev.</span>
            </>
          ) : (
            '\u00a0'
          )}
        </div>
      )}
    </div>
  );
}
