import type { Db } from '@/lib/db/connection';
import { shapeWindow } from '@/lib/maintenance/shape-window';
import { readWindows } from '@/lib/maintenance/window-store';

const ORDER = { active: 0, scheduled: 1, upcoming: 2, past: 3 } as const;

/** Every maintenance window with its state at `now`: active first, then upcoming, then past (newest first). */
export function listMaintenance(db: Db, now: number, state?: keyof typeof ORDER) {
  const all = readWindows(db)
    .map((w) => shapeWindow(w, now))
    .filter((w) => state === undefined || w.state === state);
  return all.sort((a, b) => {
    const byState = ORDER[a.state] - ORDER[b.state];
    if (byState !== 0) return byState;
    const at = (x: typeof a) => Date.parse(x.starts_at ?? '1970-01-01T00:00:00Z');
    return a.state === 'past' ? at(b) - at(a) : at(a) - at(b);
  });
}
