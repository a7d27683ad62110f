import type { MaintenanceLookup } from '@/lib/alerting/maintenance-hold';
import type { Db } from '@/lib/db/connection';
import { isWindowActive } from './activity';
import { readTargetNames, readWindowsAround } from './window-store';

/**
 * An alert is about a target when its `target` or `job` label names it (probe series carry
 * `job` = target name, docs/maintenance.md); it is held while a window covering that target is on.
 */
export function maintenanceLookup(db: Db): MaintenanceLookup {
  return (now) => {
    const on = readWindowsAround(db, now, now).filter((w) => isWindowActive(w, now));
    if (on.length === 0) return null;
    const names = on.some((w) => w.targets === null) ? readTargetNames(db) : new Set<string>();
    return (labels) => {
      for (const name of [labels.target, labels.job]) {
        if (!name) continue;
        const w = on.find((x) => (x.targets === null ? names.has(name) : x.targets.includes(name)));
        if (w) return w.name;
      }
      return null;
    };
  };
}
