import type { PostableAlert } from '../rules/alert-rule';
import { fingerprint, type Labels } from '../rules/labels';
import { compareAlerts, type TimedAlert, toStoredAlert, upsertAlert } from './alert-store';
import type { DispatcherOptions, DispatcherState, Group } from './dispatcher-types';
import { formatLabelSet } from './go-format';
import { heldKey, holdForMaintenance } from './maintenance-hold';
import { notifyIntegration, unmutedAlerts } from './notify-stage';
import { groupLabelsFor, isTimeMuted, matchRoutes, type Route } from './route';
import { isResolved } from './template-data';

export type { DispatcherOptions, DispatcherState } from './dispatcher-types';

/** Alertmanager's dispatcher: routes alerts into aggregation groups and flushes them on group_wait/group_interval. */
export class Dispatcher {
  private alerts = new Map<string, TimedAlert>();
  private groups = new Map<string, Group>();
  private inflight = new Set<Promise<void>>();
  /** Per group: what maintenance held back at its last flush (heldKey). */
  private held = new Map<string, string>();
  private stopped = false;

  constructor(
    private readonly o: DispatcherOptions,
    state: DispatcherState | null = null,
  ) {
    for (const a of state?.alerts ?? []) this.alerts.set(fingerprint(a.labels), { ...a });
    const routes = new Map<string, Route>();
    const walk = (r: Route) => (routes.set(r.id, r), r.routes.forEach(walk));
    walk(o.route);
    const orphans: TimedAlert[] = [];
    for (const g of state?.groups ?? []) {
      const route = routes.get(g.id.slice(0, g.id.indexOf(':')));
      // After a config change the tree may differ: such groups' alerts are routed afresh.
      if (!route || route.key !== g.routeKey) {
        orphans.push(...g.alerts);
        continue;
      }
      const group = this.newGroup(route, g.labels);
      g.alerts.forEach((a) => group.alerts.set(fingerprint(a.labels), { ...a }));
      group.hasFlushed = g.hasFlushed;
      this.schedule(group, g.nextFlushAt - o.clock.now());
    }
    for (const a of orphans) for (const r of matchRoutes(o.route, a.labels)) this.insert(r, a, o.clock.now());
  }

  /** Receives alerts from the rule evaluator (Prometheus's notifier → Alertmanager's API). */
  put(alerts: PostableAlert[]): void {
    const now = this.o.clock.now();
    for (const p of alerts) {
      const alert = upsertAlert(this.alerts, toStoredAlert(p, now, this.o.resolveTimeoutMs ?? 5 * 60_000), now);
      for (const route of matchRoutes(this.o.route, alert.labels)) this.insert(route, alert, now);
    }
    this.o.onChange?.();
  }

  private newGroup(route: Route, labels: Labels): Group {
    const id = `${route.id}:${formatLabelSet(labels)}`;
    const g: Group = {
      id,
      groupKey: `${route.key}:${formatLabelSet(labels)}`,
      route,
      labels,
      alerts: new Map(),
      hasFlushed: false,
      nextFlushAt: 0,
      timer: null,
      flushing: false,
    };
    this.groups.set(id, g);
    return g;
  }

  private insert(route: Route, alert: TimedAlert, now: number): void {
    const labels = groupLabelsFor(route, alert.labels);
    let g = this.groups.get(`${route.id}:${formatLabelSet(labels)}`);
    if (!g) {
      g = this.newGroup(route, labels);
      this.schedule(g, route.groupWaitMs);
    }
    upsertAlert(g.alerts, { ...alert }, now);
    // An alert older than group_wait is flushed at once on a group's first flush.
    if (!g.hasFlushed && alert.startsAt + route.groupWaitMs < now) this.schedule(g, 0);
  }

  private schedule(g: Group, delayMs: number): void {
    if (g.timer) this.o.clock.clearTimeout(g.timer);
    const delay = Math.max(0, delayMs);
    g.nextFlushAt = this.o.clock.now() + delay;
    g.timer = this.o.clock.setTimeout(() => this.track(this.flush(g)), delay);
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }

  /** Resolves when no flush is in flight (tests await this after advancing a fake clock). */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }

  private async flush(g: Group): Promise<void> {
    if (this.stopped) return;
    const now = this.o.clock.now();
    g.timer = null;
    this.schedule(g, g.route.groupIntervalMs);
    // A slow receiver (retrying) must not overlap the next flush of the same group.
    if (g.flushing) return;
    g.flushing = true;
    try {
      await this.flushGroup(g, now);
    } finally {
      g.flushing = false;
    }
  }

  private async flushGroup(g: Group, now: number): Promise<void> {
    g.hasFlushed = true;
    const snapshot = [...g.alerts.values()].map((a) => ({ ...a })).sort(compareAlerts);
    const resolved = snapshot.filter((a) => isResolved(a, now));
    const notSilenced = unmutedAlerts(snapshot, [...this.alerts.values()], this.o.inhibitRules, this.o.silences, now);
    const { send: unmuted, held } = holdForMaintenance(notSilenced, this.o.maintenance, now);
    this.recordHeld(g, held, now);
    let ok = true;
    // Alertmanager's TimeMuteStage/TimeActiveStage: nothing is sent (nor logged) while muted; the flush still counts.
    if (unmuted.length > 0 && !isTimeMuted(g.route, this.o.timeIntervals ?? new Map(), now)) {
      const results = await Promise.all(
        this.o.integrations(g.route.receiver).map((i) => notifyIntegration(this.o.nflog, g, i, unmuted, now)),
      );
      ok = results.every(Boolean);
    }
    if (ok) {
      for (const r of resolved) {
        const fp = fingerprint(r.labels);
        if (g.alerts.get(fp)?.updatedAt === r.updatedAt) g.alerts.delete(fp);
      }
    }
    if (g.alerts.size === 0) this.removeGroup(g);
    for (const [fp, a] of this.alerts) if (isResolved(a, now - 30 * 60_000)) this.alerts.delete(fp);
    this.o.nflog.gc(now);
    this.o.onChange?.();
  }

  private removeGroup(g: Group): void {
    if (g.timer) this.o.clock.clearTimeout(g.timer);
    this.groups.delete(g.id);
    this.held.delete(g.groupKey);
  }

  /** Alerts held by a maintenance window are logged as muted, not sent: once each time the held set changes. */
  private recordHeld(g: Group, held: { alert: TimedAlert; window: string }[], now: number): void {
    const key = heldKey(held);
    if ((this.held.get(g.groupKey) ?? '') === key) return;
    if (key) this.held.set(g.groupKey, key);
    else this.held.delete(g.groupKey);
    const firing = held.filter((h) => !isResolved(h.alert, now));
    if (firing.length === 0) return;
    this.o.nflog.record({
      receiver: g.route.receiver,
      integration: 'maintenance',
      groupKey: g.groupKey,
      status: 'firing',
      alerts: firing.length,
      at: now,
      ok: true,
      attempts: 0,
      error: null,
      mutedBy: [...new Set(firing.map((h) => h.window))].join(', '),
    });
  }

  /** Alerts as held, with their status at `now` (for the UI/API). */
  listAlerts(now = this.o.clock.now()): (TimedAlert & { status: 'firing' | 'resolved' })[] {
    return [...this.alerts.values()].map((a) => ({ ...a, status: isResolved(a, now) ? 'resolved' : 'firing' }));
  }

  groupCount(): number {
    return this.groups.size;
  }

  stop(): void {
    this.stopped = true;
    for (const g of this.groups.values()) if (g.timer) this.o.clock.clearTimeout(g.timer);
  }

  toJSON(): DispatcherState {
    return {
      version: 1,
      alerts: [...this.alerts.values()].map((a) => ({ ...a })),
      groups: [...this.groups.values()].map((g) => ({
        id: g.id,
        routeKey: g.route.key,
        labels: { ...g.labels },
        alerts: [...g.alerts.values()].map((a) => ({ ...a })),
        hasFlushed: g.hasFlushed,
        nextFlushAt: g.nextFlushAt,
      })),
    };
  }
}
