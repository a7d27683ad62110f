import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';

/** The notification log, newest first; `muted_by` names the maintenance window that held a notification back. */
export function listNotifications(db: Db, from: number, to: number, limit: number) {
  const rows = db
    .prepare(
      `SELECT at, receiver, integration, group_key, status, alerts, ok, attempts, error, muted_by FROM notifications
       WHERE at >= ? AND at <= ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(from, to, limit) as {
    at: number;
    receiver: string;
    integration: string;
    group_key: string;
    status: string;
    alerts: number;
    ok: number;
    attempts: number;
    error: string | null;
    muted_by: string | null;
  }[];
  return rows.map((r) => ({
    receiver: r.receiver,
    integration: r.integration,
    status: r.status,
    at: toIso(r.at),
    ok: r.ok === 1,
    attempts: r.attempts,
    error: r.error,
    alerts: r.alerts,
    group_key: r.group_key,
    muted_by: r.muted_by,
  }));
}
