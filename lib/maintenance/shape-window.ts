import { toIso } from '@/lib/time/iso';
import { windowState } from './activity';
import type { MaintenanceWindow } from './window-store';

/** A window as the API answers it, with its state at `now`. */
export function shapeWindow(w: MaintenanceWindow, now: number) {
  const state = windowState(w, now);
  return {
    id: w.id,
    name: w.name,
    targets: w.targets ?? ('all' as const),
    starts_at: w.startsAt === 0 ? null : toIso(w.startsAt),
    ends_at: toIso(w.endsAt),
    time_intervals: w.schedule,
    reason: w.reason,
    provisioned: w.provisioned,
    state,
    active: state === 'active',
    created_at: toIso(w.createdAt),
    updated_at: toIso(w.updatedAt),
  };
}
