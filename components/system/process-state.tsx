import type { ProcessState } from '@/lib/system/types';

/** Running or not running, as a pill; the reason (no pid file, process gone) is the hover text. */
export function ProcessStatePill({ state, reason }: { state: ProcessState; reason: string | null }) {
  const running = state === 'running';
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-xs font-semibold ${running ? 'bg-up-soft text-up' : 'bg-down-soft text-down'}`}
      data-state={state}
      title={reason ?? undefined}
    >
      <span aria-hidden="true" className="h-2 w-2 rounded-full bg-current" />
      {running ? 'running' : 'not running'}
    </span>
  );
}
