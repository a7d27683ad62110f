import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';
import { buildPeriods, type HistoryRow } from './alert-periods';

// Each alert's last transition before the range says whether it was already pending or firing at
// `from`; its first one after the range gives the true end of a period still open at `to`.
const SQL = `
  SELECT h.id, h.ts, h.fingerprint, h.name, h.state, h.labels, h.value
  FROM alert_history h
  JOIN (SELECT fingerprint, MAX(ts) AS ts FROM alert_history WHERE ts < :from GROUP BY fingerprint) before
    ON before.fingerprint = h.fingerprint AND before.ts = h.ts
  WHERE h.state <> 'resolved'
  UNION ALL
  SELECT id, ts, fingerprint, name, state, labels, value FROM alert_history WHERE ts >= :from AND ts <= :to
  UNION ALL
  SELECT h.id, h.ts, h.fingerprint, h.name, h.state, h.labels, h.value
  FROM alert_history h
  JOIN (SELECT fingerprint, MIN(ts) AS ts FROM alert_history WHERE ts > :to GROUP BY fingerprint) after
    ON after.fingerprint = h.fingerprint AND after.ts = h.ts
  ORDER BY ts, id`;

/** Pending and firing periods of every alert that overlaps [from, to], for the timeline and chart bands. */
export function getAlertHistory(db: Db, from: number, to: number) {
  const rows = db.prepare(SQL).all({ from, to }) as HistoryRow[];
  return buildPeriods(rows, from, to).map((a) => ({
    name: a.name,
    labels: a.labels,
    periods: a.periods.map((p) => ({ state: p.state, start: toIso(p.start), end: toIso(p.end), value: p.value })),
  }));
}
