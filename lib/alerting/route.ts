import type { Labels } from '../rules/labels';
import type { RouteConfig } from './config';
import { combineMatchers, formatMatchers, type Matcher, matchesAll } from './matchers';
import { inAnyInterval, type TimeInterval } from './time-intervals';

export type Route = {
  id: string;
  key: string;
  receiver: string;
  groupBy: string[];
  groupByAll: boolean;
  groupWaitMs: number;
  groupIntervalMs: number;
  repeatIntervalMs: number;
  continue: boolean;
  /** Names from `time_intervals`/`mute_time_intervals`; not inherited, as in Alertmanager. */
  muteTimeIntervals: string[];
  activeTimeIntervals: string[];
  matchers: Matcher[];
  routes: Route[];
};

export const ROUTE_DEFAULTS = { groupWaitMs: 30_000, groupIntervalMs: 5 * 60_000, repeatIntervalMs: 4 * 3_600_000 };

/** Builds the route tree; children inherit receiver, group_by and timings they do not set. */
export function buildRoute(cfg: RouteConfig, parent: Route | null = null, index = 0): Route {
  const matchers = combineMatchers(cfg.match, cfg.match_re, cfg.matchers);
  const key = parent ? `${parent.key}/${formatMatchers(matchers)}` : formatMatchers(matchers);
  // Alertmanager builds GroupBy by appending, so `group_by: []` stays nil: the parent's grouping applies.
  const own = cfg.group_by?.length ? cfg.group_by : undefined;
  const groupBy = own ?? parent?.groupBy ?? [];
  const route: Route = {
    id: parent ? `${parent.id}/${index}` : '{}',
    key,
    receiver: cfg.receiver ?? parent?.receiver ?? '',
    groupBy: groupBy.filter((l) => l !== '...'),
    groupByAll: own ? own.includes('...') : (parent?.groupByAll ?? false),
    groupWaitMs: cfg.group_wait ?? parent?.groupWaitMs ?? ROUTE_DEFAULTS.groupWaitMs,
    groupIntervalMs: cfg.group_interval ?? parent?.groupIntervalMs ?? ROUTE_DEFAULTS.groupIntervalMs,
    repeatIntervalMs: cfg.repeat_interval ?? parent?.repeatIntervalMs ?? ROUTE_DEFAULTS.repeatIntervalMs,
    continue: cfg.continue ?? false,
    muteTimeIntervals: cfg.mute_time_intervals ?? [],
    activeTimeIntervals: cfg.active_time_intervals ?? [],
    matchers,
    routes: [],
  };
  route.routes = (cfg.routes ?? []).map((c, i) => buildRoute(c, route, i));
  return route;
}

/** Alertmanager's Route.Match: the deepest matching routes, honouring `continue`. */
export function matchRoutes(route: Route, labels: Labels): Route[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: Route[] = [];
  for (const child of route.routes) {
    const matched = matchRoutes(child, labels);
    all.push(...matched);
    if (matched.length > 0 && !child.continue) break;
  }
  return all.length > 0 ? all : [route];
}

export function groupLabelsFor(route: Route, labels: Labels): Labels {
  if (route.groupByAll) return { ...labels };
  const out: Labels = {};
  for (const l of route.groupBy) if (labels[l] !== undefined && labels[l] !== '') out[l] = labels[l];
  return out;
}

/** Muted by one of the route's mute_time_intervals, or outside all of its active_time_intervals. */
export function isTimeMuted(route: Route, intervals: ReadonlyMap<string, TimeInterval[]>, now: number): boolean {
  if (inAnyInterval(route.muteTimeIntervals, intervals, now)) return true;
  return route.activeTimeIntervals.length > 0 && !inAnyInterval(route.activeTimeIntervals, intervals, now);
}
