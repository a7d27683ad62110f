import { fingerprint, type Labels } from '../rules/labels';
import type { TimedAlert } from './alert-store';

/**
 * For one flush at `now`: a function naming the maintenance window that holds an alert back, or null
 * when no window is on at all (so an idle install pays nothing per alert).
 */
export type MaintenanceLookup = (now: number) => ((labels: Labels) => string | null) | null;

/** Splits a group's alerts into those to notify and those held by a window, like a silence would. */
export function holdForMaintenance(
  alerts: TimedAlert[],
  lookup: MaintenanceLookup | undefined,
  now: number,
): { send: TimedAlert[]; held: { alert: TimedAlert; window: string }[] } {
  const windowOf = lookup?.(now);
  if (!windowOf) return { send: alerts, held: [] };
  const send: TimedAlert[] = [];
  const held: { alert: TimedAlert; window: string }[] = [];
  for (const a of alerts) {
    const window = windowOf(a.labels);
    if (window === null) send.push(a);
    else held.push({ alert: a, window });
  }
  return { send, held };
}

/** What a group last had held back, so the notification log gets one row per change, not one per flush. */
export function heldKey(held: { alert: TimedAlert; window: string }[]): string {
  return held
    .map((h) => `${fingerprint(h.alert.labels)}@${h.window}`)
    .sort()
    .join(',');
}
