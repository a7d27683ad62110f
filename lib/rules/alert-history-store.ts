import type { Db } from '@/lib/db/connection';
import type { AlertTransition } from './alert-transitions';

/** Appends transitions to `alert_history` in one transaction (NaN values are stored as NULL). */
export function recordTransitions(db: Db, transitions: AlertTransition[]): void {
  if (!transitions.length) return;
  const insert = db.prepare(
    'INSERT INTO alert_history (ts, fingerprint, name, state, labels, value) VALUES (:ts, :fingerprint, :name, :state, :labels, :value)',
  );
  db.transaction(() => {
    for (const t of transitions) {
      insert.run({
        ts: t.ts,
        fingerprint: t.fingerprint,
        name: t.name,
        state: t.state,
        labels: JSON.stringify(t.labels),
        value: Number.isNaN(t.value) ? null : t.value,
      });
    }
  })();
}
