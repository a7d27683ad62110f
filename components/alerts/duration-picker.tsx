'use client';
import { describedBy, inputClass } from '@/components/settings/form-field';
import { DURATION_PRESETS, type DurationChoice } from './silence-request';

const CHOICES: { value: DurationChoice; label: string }[] = [
  ...DURATION_PRESETS.map((p) => ({ value: p, label: p })),
  { value: 'custom', label: 'Until…' },
];

/** How long a silence lasts: a preset, or an end time in the browser's zone (native radios, so arrow keys work). */
export function DurationPicker({
  duration,
  endsAt,
  error,
  onDuration,
  onEndsAt,
}: {
  duration: DurationChoice;
  endsAt: string;
  error?: string;
  onDuration: (d: DurationChoice) => void;
  onEndsAt: (value: string) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-1 block text-sm font-medium text-fg">Duration</legend>
      <div className="flex flex-wrap items-center gap-2">
        <div className="inline-flex overflow-hidden rounded-md border border-line">
          {CHOICES.map((c) => (
            <label
              key={c.value}
              className="cursor-pointer border-r border-line px-3 py-1.5 text-sm last:border-r-0 has-[:checked]:bg-accent has-[:checked]:text-accent-fg has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-[var(--focus)]"
            >
              <input
                type="radio"
                name="silence-duration"
                value={c.value}
                checked={duration === c.value}
                onChange={() => onDuration(c.value)}
                className="sr-only"
              />
              {c.label}
            </label>
          ))}
        </div>
        {duration === 'custom' && (
          <input
            id="silence-ends-at"
            type="datetime-local"
            aria-label="Ends at (local time)"
            value={endsAt}
            onChange={(e) => onEndsAt(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('silence-ends-at', error)}
            className={`${inputClass} w-auto`}
          />
        )}
      </div>
      {error && (
        <p
          id="silence-ends-at-error"
          role="alert"
          className="mt-1 text-xs font-medium text-down"
          data-testid="error-silence-ends-at"
        >
          {error}
        </p>
      )}
    </fieldset>
  );
}
