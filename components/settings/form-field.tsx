import type { ReactNode } from 'react';

/** A label, the control, a hint and the field's validation message, wired for screen readers. */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
  className = '',
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-fg">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-down" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  'w-full rounded-md border border-line bg-bg px-3 py-2 text-sm text-fg placeholder:text-muted aria-[invalid=true]:border-down';

export function describedBy(id: string, error?: string, hint?: unknown): string | undefined {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}
