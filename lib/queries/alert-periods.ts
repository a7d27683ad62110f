export type HistoryRow = {
  ts: number;
  fingerprint: string;
  name: string;
  state: 'pending' | 'firing' | 'resolved';
  labels: string;
  value: number | null;
};

export type AlertPeriod = { state: 'pending' | 'firing'; start: number; end: number | null; value: number | null };

export type AlertTimeline = {
  fingerprint: string;
  name: string;
  labels: Record<string, string>;
  periods: AlertPeriod[];
};

/**
 * Turns transitions (oldest first, including each alert's last one before the range) into pending
 * and firing periods per alert; a period still open has `end` null. Only periods overlapping [from, to] are kept.
 */
export function buildPeriods(rows: HistoryRow[], from: number, to: number): AlertTimeline[] {
  const byAlert = new Map<string, AlertTimeline>();
  for (const row of rows) {
    let alert = byAlert.get(row.fingerprint);
    if (!alert) {
      alert = {
        fingerprint: row.fingerprint,
        name: row.name,
        labels: JSON.parse(row.labels) as Record<string, string>,
        periods: [],
      };
      byAlert.set(row.fingerprint, alert);
    }
    const open = alert.periods.at(-1);
    if (open && open.end === null) open.end = row.ts;
    if (row.state !== 'resolved') alert.periods.push({ state: row.state, start: row.ts, end: null, value: row.value });
  }
  const out: AlertTimeline[] = [];
  for (const alert of byAlert.values()) {
    alert.periods = alert.periods.filter((p) => p.start <= to && (p.end === null || p.end > from));
    if (alert.periods.length) out.push(alert);
  }
  return out.sort((a, b) => a.periods[0].start - b.periods[0].start || a.name.localeCompare(b.name));
}
