import type { PostableAlert } from '../rules/alert-rule';
import { fingerprint, type Labels, sortedNames } from '../rules/labels';
import type { StoredAlert } from './template-data';

/** Alertmanager's API defaults: a missing start is now, a missing end is now + resolve_timeout. */
export function toStoredAlert(
  p: PostableAlert,
  now: number,
  resolveTimeoutMs: number,
): StoredAlert & { timeout: boolean } {
  const startsAt = p.startsAt || now;
  const timeout = !p.endsAt;
  return {
    labels: { ...p.labels },
    annotations: { ...p.annotations },
    startsAt,
    endsAt: timeout ? now + resolveTimeoutMs : p.endsAt,
    generatorURL: p.generatorURL,
    updatedAt: now,
    timeout,
  };
}

export type TimedAlert = StoredAlert & { timeout?: boolean };

/** Alertmanager's Alert.Merge: the younger alert wins, keeping the earliest start and the latest explicit end. */
export function mergeAlerts(a: TimedAlert, o: TimedAlert, now: number): TimedAlert {
  if (o.updatedAt < a.updatedAt) return mergeAlerts(o, a, now);
  const res: TimedAlert = { ...o };
  if (a.startsAt < o.startsAt) res.startsAt = a.startsAt;
  const oResolved = o.endsAt <= now;
  if (oResolved) {
    if (a.endsAt <= now && a.endsAt > o.endsAt) res.endsAt = a.endsAt;
  } else if (a.endsAt > o.endsAt && !a.timeout) {
    res.endsAt = a.endsAt;
  }
  return res;
}

/** Inserts into a fingerprint-keyed map, merging when the activity ranges overlap (as Alertmanager's provider does). */
export function upsertAlert(store: Map<string, TimedAlert>, alert: TimedAlert, now: number): TimedAlert {
  const fp = fingerprint(alert.labels);
  const old = store.get(fp);
  let next = alert;
  if (
    old &&
    ((alert.endsAt > old.startsAt && alert.endsAt < old.endsAt) ||
      (alert.startsAt > old.startsAt && alert.startsAt < old.endsAt) ||
      alert.startsAt === old.startsAt)
  ) {
    next = mergeAlerts(old, alert, now);
  }
  store.set(fp, next);
  return next;
}

/** Alertmanager's AlertSlice order: by job, then instance, then the label set. */
export function compareAlerts(a: StoredAlert, b: StoredAlert): number {
  for (const k of ['job', 'instance']) {
    const av = a.labels[k];
    const bv = b.labels[k];
    if (av === undefined && bv === undefined) continue;
    if (av === undefined) return 1;
    if (bv === undefined) return -1;
    if (av !== bv) return av < bv ? -1 : 1;
  }
  return compareLabelSets(a.labels, b.labels);
}

function compareLabelSets(a: Labels, b: Labels): number {
  const an = sortedNames(a);
  const bn = sortedNames(b);
  if (an.length !== bn.length) return an.length - bn.length;
  for (let i = 0; i < an.length; i++) {
    if (an[i] !== bn[i]) return an[i] < bn[i] ? -1 : 1;
    if (a[an[i]] !== b[bn[i]]) return a[an[i]] < b[bn[i]] ? -1 : 1;
  }
  return 0;
}
