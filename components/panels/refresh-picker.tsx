'use client';
import { useSearchParams } from 'next/navigation';
import { REFRESH_CHOICES } from '@/lib/time/refresh';
import { useSetParams } from '@/lib/time/use-set-params';

/** The `refresh` URL parameter as a select: off, 5s … 5m. */
export function RefreshPicker() {
  const value = useSearchParams().get('refresh') ?? '10s';
  const setParams = useSetParams();
  const choices: readonly string[] = REFRESH_CHOICES.includes(value as (typeof REFRESH_CHOICES)[number])
    ? REFRESH_CHOICES
    : [...REFRESH_CHOICES, value];
  return (
    <label className="flex items-center gap-1 text-xs text-muted">
      <span>Refresh</span>
      <select
        value={value}
        onChange={(e) => setParams({ refresh: e.target.value })}
        className="rounded-md border border-line bg-surface px-1.5 py-1 text-xs text-fg"
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
}
