import type { Db } from '@/lib/db/connection';
import type { SloInput } from './slo-schema';
import { deleteSlo, insertSlo, markSloProvisioned, readSlos, updateSlo } from './slo-store';

/**
 * Makes the provisioned SLOs match the file's `slos:`: new names created, existing ones (also ones made
 * in /settings under the same name) updated and marked provisioned, provisioned ones gone from the file deleted.
 */
export function syncProvisionedSlos(db: Db, inputs: SloInput[], now: number): number {
  db.transaction(() => {
    const existing = readSlos(db);
    const byName = new Map(existing.map((s) => [s.name, s]));
    const wanted = new Set(inputs.map((s) => s.name));
    for (const input of inputs) {
      const current = byName.get(input.name);
      if (!current) insertSlo(db, input, now, true);
      else {
        updateSlo(db, current.id, input, now);
        if (!current.provisioned) markSloProvisioned(db, current.id);
      }
    }
    for (const s of existing) if (s.provisioned && !wanted.has(s.name)) deleteSlo(db, s.id);
  })();
  return inputs.length;
}
