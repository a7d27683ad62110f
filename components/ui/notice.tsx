import type { ReactNode } from 'react';

const TONES = {
  info: 'border-line bg-surface-2 text-fg',
  error: 'border-down bg-down-soft text-down',
  warn: 'border-pending bg-pending-soft text-pending',
} as const;

export function Notice({
  tone = 'info',
  children,
  role,
}: {
  tone?: keyof typeof TONES;
  children: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div role={role} className={`rounded-md border px-3 py-2 text-sm ${TONES[tone]}`}>
      {children}
    </div>
  );
}
