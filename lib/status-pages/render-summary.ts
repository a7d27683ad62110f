import { markdownToText } from './markdown';
import type { PublicIncident } from './public-incidents';
import type { PublicView } from './public-view';

const idOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'component';

function incident(i: PublicIncident, pageUrl: string) {
  const last = i.updates[0]?.at ?? i.starts_at;
  const at = (s: string) => i.updates.find((u) => u.status === s)?.at ?? null;
  return {
    id: i.id,
    name: i.title,
    status: i.status,
    impact: i.impact,
    created_at: i.starts_at,
    updated_at: last,
    started_at: i.starts_at,
    monitoring_at: at('monitoring'),
    resolved_at: i.kind === 'incident' ? i.ends_at : null,
    ...(i.kind === 'maintenance' ? { scheduled_for: i.starts_at, scheduled_until: i.ends_at } : {}),
    shortlink: pageUrl,
    incident_updates: i.updates.map((u, n) => ({
      id: `${i.id}-${i.updates.length - n}`,
      status: u.status,
      body: markdownToText(u.message),
      created_at: u.at,
      updated_at: u.at,
      display_at: u.at,
    })),
    components: i.components.map((name) => ({ id: idOf(name), name })),
  };
}

/** The page as Statuspage's `/api/v2/summary.json` shapes it, so its existing clients can read it. */
export function renderSummary(view: PublicView, pageUrl: string): string {
  const components = view.groups.flatMap((g, gi) => {
    const groupId = g.name ? `group-${gi}-${idOf(g.name)}` : null;
    const children = g.components.map((c, ci) => ({
      id: idOf(c.name),
      name: c.name,
      status: c.status === 'unknown' ? 'operational' : c.status,
      description: null,
      position: ci + 1,
      group_id: groupId,
      group: false,
      only_show_if_degraded: false,
      showcase: true,
      updated_at: view.page.updated_at,
      uptime_90d: c.uptime_90d === null ? null : Number(c.uptime_90d.toFixed(4)),
    }));
    if (!groupId) return children;
    return [
      {
        id: groupId,
        name: g.name,
        status: children.some((c) => c.status === 'major_outage')
          ? 'major_outage'
          : (children.find((c) => c.status !== 'operational')?.status ?? 'operational'),
        description: null,
        position: gi + 1,
        group_id: null,
        group: true,
        components: children.map((c) => c.id),
        only_show_if_degraded: false,
        showcase: false,
        updated_at: view.page.updated_at,
      },
      ...children,
    ];
  });
  return JSON.stringify({
    page: {
      id: view.page.slug,
      name: view.page.title,
      url: pageUrl,
      time_zone: 'Etc/UTC',
      updated_at: view.page.updated_at,
    },
    status: { indicator: view.indicator, description: view.description },
    components,
    incidents: view.active.filter((i) => i.kind === 'incident').map((i) => incident(i, pageUrl)),
    scheduled_maintenances: [...view.active, ...view.upcoming]
      .filter((i) => i.kind === 'maintenance')
      .map((i) => incident(i, pageUrl)),
  }).replace(/</g, '\\u003c'); // still the same JSON, but no markup for a browser that sniffs it into a page
}
