import { fingerprint, type Labels } from '../rules/labels';
import type { TimedAlert } from './alert-store';
import type { PostResult } from './http-post';
import { type InhibitRule, isInhibited } from './inhibit';
import type { Integration } from './integrations';
import { type NotificationLog, needsUpdate } from './notification-log';
import type { Route } from './route';
import type { SilenceStore } from './silences';
import { isResolved } from './template-data';

/** Alertmanager's mute stages: drop alerts that are inhibited by a firing alert or silenced. */
export function unmutedAlerts(
  alerts: TimedAlert[],
  all: TimedAlert[],
  rules: InhibitRule[],
  silences: SilenceStore,
  now: number,
): TimedAlert[] {
  const firing = all.filter((a) => !isResolved(a, now)).map((a) => a.labels);
  return alerts.filter((a) => !isInhibited(rules, a.labels, firing) && silences.silencedBy(a.labels, now).length === 0);
}

export type GroupInfo = { groupKey: string; route: Route; labels: Labels };

/**
 * One integration's pipeline after muting, as in Alertmanager: dedup against the notification
 * log, drop resolved alerts when send_resolved is off, send (with retries), then log.
 * Returns false when the send failed, so the group keeps its resolved alerts for the next flush.
 */
export async function notifyIntegration(
  nflog: NotificationLog,
  g: GroupInfo,
  integ: Integration,
  alerts: TimedAlert[],
  now: number,
): Promise<boolean> {
  const receiver = g.route.receiver;
  const firing = alerts.filter((a) => !isResolved(a, now));
  const firingSet = new Set(firing.map((a) => fingerprint(a.labels)));
  const resolvedSet = new Set(alerts.filter((a) => isResolved(a, now)).map((a) => fingerprint(a.labels)));
  const entry = nflog.get(g.groupKey, receiver, integ.id);
  if (!needsUpdate(entry, firingSet, resolvedSet, integ.sendResolved, g.route.repeatIntervalMs, now)) return true;
  const toSend = integ.sendResolved ? alerts : firing;
  if (toSend.length > 0) {
    let result: PostResult;
    try {
      result = integ.undelivered
        ? { ok: false, attempts: 0, status: null, error: integ.undelivered }
        : await integ.notify({ receiver, groupKey: g.groupKey, groupLabels: g.labels, now }, toSend);
    } catch (err) {
      result = { ok: false, attempts: 1, status: null, error: err instanceof Error ? err.message : 'notify failed' };
    }
    nflog.record({
      receiver,
      integration: integ.id,
      groupKey: g.groupKey,
      status: firing.length > 0 ? 'firing' : 'resolved',
      alerts: toSend.length,
      at: now,
      ok: result.ok,
      attempts: result.attempts,
      error: result.error,
    });
    // An undelivered kind is logged like a send, so it shows once per repeat_interval, not every flush.
    if (!result.ok && !integ.undelivered) return false;
  }
  nflog.log(g.groupKey, receiver, integ.id, [...firingSet], [...resolvedSet], now);
  return true;
}
