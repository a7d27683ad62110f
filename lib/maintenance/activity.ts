import { containsTime, type TimeInterval, timeIntervalSchema } from '@/lib/alerting/time-intervals';
import type { MaintenanceInput } from './window-schema';

type Window = Pick<MaintenanceInput, 'targets' | 'startsAt' | 'endsAt' | 'schedule'>;

const parsed = new WeakMap<object, TimeInterval[]>();

function intervalsOf(schedule: Record<string, unknown>[]): TimeInterval[] {
  let list = parsed.get(schedule);
  if (!list) {
    list = schedule.flatMap((raw) => {
      const r = timeIntervalSchema.safeParse(raw);
      return r.success ? [r.data] : [];
    });
    parsed.set(schedule, list);
  }
  return list;
}

/**
 * Whether the window is on at `ms`: inside [startsAt, endsAt) and, for a recurring window, inside
 * one of its time intervals (Alertmanager's semantics, location included: docs/maintenance.md).
 */
export function isWindowActive(w: Window, ms: number): boolean {
  if (ms < w.startsAt || (w.endsAt !== null && ms >= w.endsAt)) return false;
  return w.schedule === null || intervalsOf(w.schedule).some((ti) => containsTime(ti, ms));
}

export function coversTarget(w: Pick<Window, 'targets'>, target: string): boolean {
  return w.targets === null || w.targets.includes(target);
}

/** The first window that puts `target` in maintenance at `ms`, or null. */
export function windowFor<W extends Window>(windows: readonly W[], target: string, ms: number): W | null {
  return windows.find((w) => coversTarget(w, target) && isWindowActive(w, ms)) ?? null;
}

export type WindowState = 'active' | 'upcoming' | 'scheduled' | 'past';

/** `scheduled`: a recurring window in force but between two of its intervals. */
export function windowState(w: Window, now: number): WindowState {
  if (w.endsAt !== null && now >= w.endsAt) return 'past';
  if (now < w.startsAt) return 'upcoming';
  return isWindowActive(w, now) ? 'active' : 'scheduled';
}
