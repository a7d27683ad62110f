import { fingerprint, type Labels } from './labels';
import type { RuleGroup } from './rule-group';

export type AlertSnapshot = Map<string, { name: string; labels: Labels; state: 'pending' | 'firing'; value: number }>;

export type AlertTransition = {
  ts: number;
  fingerprint: string;
  name: string;
  state: 'pending' | 'firing' | 'resolved';
  labels: Labels;
  value: number;
};

/** The pending and firing alerts of every group, by identity (the label set after templating). */
export function snapshotAlerts(groups: RuleGroup[]): AlertSnapshot {
  const out: AlertSnapshot = new Map();
  for (const a of groups.flatMap((g) => g.alerts())) {
    if (a.state === 'inactive') continue;
    out.set(fingerprint(a.labels), {
      name: a.labels.alertname ?? a.rule,
      labels: a.labels,
      state: a.state,
      value: a.value,
    });
  }
  return out;
}

/**
 * What changed between two evaluations: an alert that appears is pending (or firing at once when
 * `for` is 0), one that moves on fires, one that is gone resolved.
 */
export function diffAlerts(prev: AlertSnapshot, next: AlertSnapshot, ts: number): AlertTransition[] {
  const out: AlertTransition[] = [];
  for (const [fp, a] of next) {
    if (prev.get(fp)?.state !== a.state)
      out.push({ ts, fingerprint: fp, name: a.name, state: a.state, labels: a.labels, value: a.value });
  }
  for (const [fp, a] of prev) {
    if (!next.has(fp))
      out.push({ ts, fingerprint: fp, name: a.name, state: 'resolved', labels: a.labels, value: a.value });
  }
  return out;
}
