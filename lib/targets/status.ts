import type { Db } from '@/lib/db/connection';

export type Status = 'up' | 'down' | 'pending';

export interface TargetState {
  status: Status;
  since: number;
  failStreak: number;
  okStreak: number;
}

export interface Thresholds {
  failure: number;
  success: number;
}

export type Transition = { to: 'up' } | { to: 'down'; reason: string } | null;

/** Applies one check to a target's state: streaks count, and crossing a threshold changes the status. */
export function applyCheck(
  state: TargetState,
  t: Thresholds,
  check: { ts: number; up: boolean; error: string | null },
): { state: TargetState; transition: Transition } {
  if (check.up) {
    const okStreak = state.okStreak + 1;
    if (state.status !== 'up' && okStreak >= t.success) {
      return { state: { status: 'up', since: check.ts, failStreak: 0, okStreak }, transition: { to: 'up' } };
    }
    return { state: { ...state, failStreak: 0, okStreak }, transition: null };
  }
  const failStreak = state.failStreak + 1;
  if (state.status !== 'down' && failStreak >= t.failure) {
    return {
      state: { status: 'down', since: check.ts, failStreak, okStreak: 0 },
      transition: { to: 'down', reason: check.error ?? 'check failed' },
    };
  }
  return { state: { ...state, failStreak, okStreak: 0 }, transition: null };
}

export function closeOpenIncident(db: Db, targetId: number, end: number): void {
  db.prepare('UPDATE incidents SET end = ? WHERE target_id = ? AND end IS NULL').run(end, targetId);
}
