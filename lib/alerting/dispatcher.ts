import type { Clock, TimerHandle } from '../clock';
import type { PostableAlert } from '../rules/alert-rule';
import { fingerprint, formatLabels, type Labels } from '../rules/labels';
import { compareAlerts, type TimedAlert, toStoredAlert, upsertAlert } from './alert-store';
import { type InhibitRule, isInhibited } from './inhibit';
import type { Integration } from './integrations';
import type { NotificationLog } from './notification-log';
import { notifyIntegration } from './notify-stage';
import { groupLabelsFor, matchRoutes, type Route } from './route';
import type { SilenceStore } from './silences';
import { isResolved } from './template-data';

type Group = {
  id: string;
  groupKey: string;
  route: Route;
  labels: Labels;
  alerts: Map<string, TimedAlert>;
  hasFlushed: boolean;
  nextFlushAt: number;
  timer: TimerHandle | null;
};

export type DispatcherState = {
  version: 1;
  alerts: TimedAlert[];
  groups: { id: string; labels: Labels; alerts: TimedAlert[]; hasFlushed: boolean; nextFlushAt: number }[];
};

export type DispatcherOptions = {
  clock: Clock;
  route: Route;
  inhibitRules: InhibitRule[];
  silences: SilenceStore;
  nflog: NotificationLog;
  integrations: (receiver: string) => Integration[];
  resolveTimeoutMs?: number;
  /** Called after every change worth persisting (alerts received, a flush finished). */
  onChange?: () => void;
};

/** Alertmanager's dispatcher: routes alerts into aggregation groups and flushes them on group_wait/group_interval. */
export class Dispatcher {
  private alerts = new Map<string, TimedAlert>();
  private groups = new Map<string, Group>();
  private inflight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly o: DispatcherOptions, state: DispatcherState | null = null) {
    for (const a of state?.alerts ?? []) this.alerts.set(fingerprint(a.labels), { ...a });
    const routes = new Map<string, Route>();
    const walk = (r: Route) => (routes.set(r.id, r), r.routes.forEach(walk));
    walk(o.route);
    for (const g of state?.groups ?? []) {
      const route = routes.get(g.id.slice(0, g.id.indexOf(':')));
      if (!route) continue;
      const group = this.newGroup(route, g.labels);
      g.alerts.forEach((a) => group.alerts.set(fingerprint(a.labels), { ...a }));
      group.hasFlushed = g.hasFlushed;
      this.schedule(group, g.nextFlushAt - o.clock.now());
    }
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
    const id = `${route.id}:${formatLabels(labels)}`;
    const g: Group = { id, groupKey: `${route.key}:${formatLabels(labels)}`, route, labels, alerts: new Map(), hasFlushed: false, nextFlushAt: 0, timer: null };
    this.groups.set(id, g);
    return g;
  }

  private insert(route: Route, alert: TimedAlert, now: number): void {
    const labels = groupLabelsFor(route, alert.labels);
    let g = this.groups.get(`${route.id}:${formatLabels(labels)}`);
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
    g.hasFlushed = true;
    const snapshot = [...g.alerts.values()].map((a) => ({ ...a })).sort(compareAlerts);
    const resolved = snapshot.filter((a) => isResolved(a, now));
    const firingNow = [...this.alerts.values()].filter((a) => !isResolved(a, now)).map((a) => a.labels);
    const unmuted = snapshot.filter(
      (a) => !isInhibited(this.o.inhibitRules, a.labels, firingNow) && this.o.silences.silencedBy(a.labels, now).length === 0,
    );
    let ok = true;
    if (unmuted.length > 0) {
      const results = await Promise.all(this.o.integrations(g.route.receiver).map((i) => notifyIntegration(this.o.nflog, g, i, unmuted, now)));
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
        labels: { ...g.labels },
        alerts: [...g.alerts.values()].map((a) => ({ ...a })),
        hasFlushed: g.hasFlushed,
        nextFlushAt: g.nextFlushAt,
      })),
    };
  }
}
