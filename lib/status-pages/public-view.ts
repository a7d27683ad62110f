import type { Db } from '@/lib/db/connection';
import { getDailyUptime } from '@/lib/queries/get-daily-uptime';
import { getHourlyLatency } from '@/lib/queries/get-hourly-latency';
import { getStatusTargets, type StatusTarget } from '@/lib/queries/get-status-targets';
import { listStatusIncidents } from '@/lib/queries/list-status-incidents';
import type { StatusPage } from '@/lib/queries/list-status-pages';
import { listTargetOutages } from '@/lib/queries/list-target-outages';
import type { Component } from './page-schema';
import { type PublicIncident, storyOf } from './public-incidents';

export const DAY_MS = 86_400_000;
export const DAYS = 90;

export type ComponentState =
  | 'operational'
  | 'degraded_performance'
  | 'partial_outage'
  | 'major_outage'
  | 'under_maintenance'
  | 'unknown';

export interface PublicDay {
  date: string;
  uptime: number | null;
  incidents: number;
  maintenance: number;
}

export interface PublicComponent {
  name: string;
  status: ComponentState;
  uptime_90d: number | null;
  days: PublicDay[];
  latency_ms: number[] | null;
}

/** Everything a public page, its JSON and its feeds show: chosen for publication, nothing internal. */
export interface PublicView {
  page: { slug: string; title: string; description: string; logo: string | null; updated_at: string };
  indicator: 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
  description: string;
  groups: { name: string; components: PublicComponent[] }[];
  active: PublicIncident[];
  upcoming: PublicIncident[];
  history: PublicIncident[];
}

function componentState(c: Component, targets: Map<string, StatusTarget>, inMaintenance: boolean): ComponentState {
  if (inMaintenance) return 'under_maintenance';
  const states = c.targets
    .map((n) => targets.get(n))
    .filter((t) => t && !t.paused)
    .map((t) => t!.status);
  if (!states.length || states.every((s) => s === 'pending')) return 'unknown';
  const down = states.filter((s) => s === 'down').length;
  if (down === 0) return 'operational';
  if (c.down_if === 'all' && down < states.length) return 'partial_outage';
  return 'major_outage';
}

/** Percent of up checks, combined as the component is: the worst target for `any`, the best for `all`. */
function combine(c: Component, values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return null;
  return c.down_if === 'all' ? Math.max(...known) : Math.min(...known);
}

const pct = (s: { checks: number; up: number } | undefined) => (s?.checks ? (s.up / s.checks) * 100 : null);

function overlaps(i: { start: number; end: number | null }, from: number, to: number): boolean {
  return i.start < to && (i.end === null || i.end >= from);
}

export function buildPublicView(db: Db, page: StatusPage, now: number): PublicView {
  const components = page.groups.flatMap((g) => g.components);
  const targets = getStatusTargets(db, [...new Set(components.flatMap((c) => c.targets))]);
  const ids = [...targets.values()].map((t) => t.id);
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const from = today - (DAYS - 1) * DAY_MS;
  const daily = getDailyUptime(db, ids, from);
  const outages = listTargetOutages(db, ids, from);
  const manual = listStatusIncidents(db, page.id);
  const story = storyOf(manual, outages, components, targets, now);
  const activeMaintenance = new Set(
    manual
      .filter(
        (m) =>
          m.kind === 'maintenance' &&
          m.status !== 'completed' &&
          Date.parse(m.starts_at) <= now &&
          (m.ends_at === null || Date.parse(m.ends_at) > now),
      )
      .flatMap((m) => m.components),
  );
  // Per day, the incidents and maintenance the page tells (so a bar's tooltip matches the history).
  const countOn = (c: Component, kind: string, a: number, b: number) =>
    story.filter(
      (i) =>
        i.kind === kind &&
        i.components.includes(c.name) &&
        overlaps({ start: Date.parse(i.starts_at), end: i.ends_at ? Date.parse(i.ends_at) : null }, a, b),
    ).length;
  const shape = (c: Component): PublicComponent => {
    const own = c.targets.map((n) => targets.get(n)).filter((t): t is StatusTarget => !!t);
    const days: PublicDay[] = [];
    for (let d = from; d <= today; d += DAY_MS) {
      days.push({
        date: new Date(d).toISOString().slice(0, 10),
        uptime: combine(
          c,
          own.map((t) => pct(daily.get(t.id)?.get(d))),
        ),
        incidents: countOn(c, 'incident', d, d + DAY_MS),
        maintenance: countOn(c, 'maintenance', d, d + DAY_MS),
      });
    }
    const totals = own.map((t) => {
      let checks = 0;
      let up = 0;
      for (const s of daily.get(t.id)?.values() ?? []) {
        checks += s.checks;
        up += s.up;
      }
      return pct({ checks, up });
    });
    const latency =
      page.show_latency && own.length
        ? getHourlyLatency(db, own[0].id, now - DAY_MS).map((p) => Math.round(p.ms))
        : null;
    return {
      name: c.name,
      status: componentState(c, targets, activeMaintenance.has(c.name)),
      uptime_90d: combine(c, totals),
      days,
      latency_ms: latency,
    };
  };
  const groups = page.groups.map((g) => ({ name: g.name, components: g.components.map(shape) }));
  const states = groups.flatMap((g) => g.components.map((c) => c.status));
  const active = story.filter((i) => i.active);
  const worstImpact = active.filter((i) => i.kind === 'incident').map((i) => i.impact);
  let indicator: PublicView['indicator'] = 'none';
  if (states.includes('partial_outage') || worstImpact.includes('minor')) indicator = 'minor';
  if (states.includes('major_outage') || worstImpact.includes('major')) indicator = 'major';
  if (worstImpact.includes('critical')) indicator = 'critical';
  if (indicator === 'none' && states.includes('under_maintenance')) indicator = 'maintenance';
  return {
    page: {
      slug: page.slug,
      title: page.title,
      description: page.description,
      logo: page.logo,
      updated_at: new Date(now).toISOString(),
    },
    indicator,
    description: DESCRIPTIONS[indicator],
    groups,
    active,
    upcoming: story.filter((i) => i.kind === 'maintenance' && !i.active && Date.parse(i.starts_at) > now),
    history: story.filter((i) => !i.active && Date.parse(i.starts_at) <= now).slice(0, 50),
  };
}

const DESCRIPTIONS: Record<PublicView['indicator'], string> = {
  none: 'All systems operational',
  minor: 'Partial outage',
  major: 'Major outage',
  critical: 'Critical outage',
  maintenance: 'Maintenance in progress',
};
