import type { Db } from '@/lib/db/connection';
import { type MaintenanceBody, normalizeMaintenance } from './window-schema';
import { deleteWindow, insertWindow, readWindows, updateWindow } from './window-store';

/**
 * Makes the provisioned windows match the file's `maintenance_windows:` by name, as targets are
 * synced: new ones created, existing ones updated (and marked provisioned), ones gone deleted.
 */
export function syncProvisionedWindows(db: Db, bodies: MaintenanceBody[], now: number): number {
  db.transaction(() => {
    const existing = readWindows(db);
    const byName = new Map(existing.map((w) => [w.name, w]));
    const wanted = new Set(bodies.map((b) => b.name));
    for (const body of bodies) {
      const input = normalizeMaintenance(body);
      const current = byName.get(input.name);
      if (current) updateWindow(db, current.id, input, now, true);
      else insertWindow(db, input, now, true);
    }
    for (const w of existing) if (w.provisioned && !wanted.has(w.name)) deleteWindow(db, w.id);
  })();
  return bodies.length;
}
