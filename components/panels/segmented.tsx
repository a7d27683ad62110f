'use client';

/** A small radio group of buttons (pie grouping, bar metric), keyboard-reachable like any button. */
export function Segmented<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  onChange: (v: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-md border border-line p-0.5">
      {options.map((o) => (
        <button
          key={o}
          type="button"
          aria-pressed={o === value}
          onClick={() => onChange(o)}
          className={`rounded px-2 py-0.5 text-xs font-medium ${o === value ? 'bg-surface-2 text-fg' : 'text-muted hover:text-fg'}`}
        >
          {o}
        </button>
      ))}
    </div>
  );
}
