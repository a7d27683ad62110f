const TONES = {
  down: 'bg-down-soft text-down',
  pending: 'bg-pending-soft text-pending',
  up: 'bg-up-soft text-up',
  idle: 'bg-surface-2 text-muted',
} as const;
type Tone = keyof typeof TONES;

// The same red/amber/green as the target pills: firing and errors red, pending amber, healthy green.
const TONE_OF: Record<string, Tone> = {
  firing: 'down',
  err: 'down',
  failed: 'down',
  pending: 'pending',
  inactive: 'up',
  ok: 'up',
  resolved: 'up',
  delivered: 'up',
  active: 'up',
  expired: 'idle',
  silenced: 'idle',
  unknown: 'idle',
  recording: 'idle',
};

/** A coloured word for an alert, rule, health, silence or delivery state; `label` overrides the shown text. */
export function StatePill({ state, label }: { state: string; label?: string }) {
  const tone = TONE_OF[state] ?? 'idle';
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ${TONES[tone]}`}
      data-state={state}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${tone === 'idle' ? 'bg-idle' : 'bg-current'}`} />
      {label ?? state}
    </span>
  );
}
