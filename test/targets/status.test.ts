import { describe, expect, it } from 'vitest';
import { applyCheck, type TargetState } from '@/lib/targets/status';

const start: TargetState = { status: 'pending', since: 0, failStreak: 0, okStreak: 0 };
const ok = (ts: number) => ({ ts, up: true, error: null });
const bad = (ts: number, error = 'connection refused') => ({ ts, up: false, error });

function run(checks: { ts: number; up: boolean; error: string | null }[], failure: number, success: number) {
  let state = start;
  const transitions: string[] = [];
  for (const c of checks) {
    const r = applyCheck(state, { failure, success }, c);
    state = r.state;
    if (r.transition)
      transitions.push(r.transition.to === 'down' ? `down@${c.ts}:${r.transition.reason}` : `up@${c.ts}`);
  }
  return { state, transitions };
}

describe('target status', () => {
  it('goes up on the first good check and down on the first bad one with thresholds of 1', () => {
    expect(run([ok(1), bad(2), ok(3)], 1, 1).transitions).toEqual(['up@1', 'down@2:connection refused', 'up@3']);
  });

  it('waits for failure_threshold consecutive failures before going down', () => {
    const r = run([ok(1), bad(2), ok(3), bad(4), bad(5), bad(6)], 3, 1);
    expect(r.transitions).toEqual(['up@1', 'down@6:connection refused']);
    expect(r.state).toEqual({ status: 'down', since: 6, failStreak: 3, okStreak: 0 });
  });

  it('waits for success_threshold consecutive successes before coming back', () => {
    const r = run([bad(1), ok(2), bad(3), ok(4), ok(5)], 1, 2);
    expect(r.transitions).toEqual(['down@1:connection refused', 'up@5']);
  });

  it('stays pending until a threshold is crossed', () => {
    expect(run([bad(1)], 2, 1).state.status).toBe('pending');
  });
});
