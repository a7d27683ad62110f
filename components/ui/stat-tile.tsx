import type { ReactNode } from 'react';

export function StatTile({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-line bg-surface px-3 py-2 sm:px-4 sm:py-3">
      <div className="truncate text-xs uppercase tracking-wide text-muted">{label}</div>
      <div className="tabular mt-1 text-lg font-semibold sm:text-2xl text-fg" title={hint}>
        {value}
      </div>
    </div>
  );
}
