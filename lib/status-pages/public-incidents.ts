import type { StatusTarget } from '@/lib/queries/get-status-targets';
import type { StatusIncident } from '@/lib/queries/list-status-incidents';
import type { Outage } from '@/lib/queries/list-target-outages';
import type { Component } from './page-schema';

/** An incident or maintenance as the public sees it: written by hand, or told automatically from an outage. */
export interface PublicIncident {
  id: string;
  kind: 'incident' | 'maintenance';
  title: string;
  status: string;
  impact: string;
  components: string[];
  starts_at: string;
  ends_at: string | null;
  duration_s: number | null;
  active: boolean;
  automatic: boolean;
  postmortem: string | null;
  updates: { at: string; status: string; message: string }[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function maintenanceStatus(m: StatusIncident, now: number): string {
  if (m.status === 'completed') return m.status;
  const start = Date.parse(m.starts_at);
  const end = m.ends_at ? Date.parse(m.ends_at) : Number.POSITIVE_INFINITY;
  return now < start ? 'scheduled' : now < end ? 'in_progress' : 'completed';
}

function fromManual(i: StatusIncident, now: number): PublicIncident {
  const status = i.kind === 'maintenance' ? maintenanceStatus(i, now) : i.status;
  const start = Date.parse(i.starts_at);
  const end = i.ends_at ? Date.parse(i.ends_at) : null;
  const done = status === 'resolved' || status === 'completed';
  return {
    id: String(i.id),
    kind: i.kind,
    title: i.title,
    status,
    impact: i.impact,
    components: i.components,
    starts_at: i.starts_at,
    ends_at: i.ends_at,
    duration_s: end === null ? null : Math.round((end - start) / 1000),
    active: i.kind === 'maintenance' ? status === 'in_progress' : !done,
    automatic: false,
    postmortem: i.postmortem,
    updates: i.updates.map((u) => ({ at: u.at, status: u.status, message: u.message })),
  };
}

// An outage told without its reason: the reason is internal (docs/status-pages.md#what-is-published).
function fromOutage(o: Outage, c: Component, now: number): PublicIncident {
  const updates = [
    { at: iso(o.start), status: 'investigating', message: `${c.name} is not responding. We are looking into it.` },
  ];
  if (o.end !== null) updates.unshift({ at: iso(o.end), status: 'resolved', message: `${c.name} is answering again.` });
  return {
    id: `auto-${o.id}-${c.name}`,
    kind: 'incident',
    title: `${c.name} is down`,
    status: o.end === null ? 'investigating' : 'resolved',
    impact: 'major',
    components: [c.name],
    starts_at: iso(o.start),
    ends_at: o.end === null ? null : iso(o.end),
    duration_s: Math.round(((o.end ?? now) - o.start) / 1000),
    active: o.end === null,
    automatic: true,
    postmortem: null,
    updates,
  };
}

/**
 * The page's story, newest first: incidents and maintenance written by hand, and an automatic incident
 * per outage of a component's target, unless a written incident on that component covers the outage.
 */
export function storyOf(
  manual: StatusIncident[],
  outages: Outage[],
  components: Component[],
  targets: Map<string, StatusTarget>,
  now: number,
): PublicIncident[] {
  const written = manual.map((i) => fromManual(i, now));
  const auto: PublicIncident[] = [];
  for (const c of components) {
    const ids = new Set(c.targets.map((n) => targets.get(n)?.id));
    for (const o of outages) {
      if (!ids.has(o.targetId)) continue;
      const covered = written.some(
        (w) =>
          w.kind === 'incident' &&
          w.components.includes(c.name) &&
          Date.parse(w.starts_at) <= (o.end ?? now) &&
          (w.ends_at === null || Date.parse(w.ends_at) >= o.start),
      );
      if (!covered) auto.push(fromOutage(o, c, now));
    }
  }
  return [...written, ...auto].sort((a, b) => Date.parse(b.starts_at) - Date.parse(a.starts_at));
}
