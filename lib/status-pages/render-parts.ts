import { escapeHtml as e, renderMarkdown } from './markdown';
import type { PublicIncident } from './public-incidents';
import type { PublicComponent, PublicDay } from './public-view';

export const STATE_LABEL: Record<PublicComponent['status'], string> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
  under_maintenance: 'Under maintenance',
  unknown: 'No data yet',
};

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  const m = Math.round(seconds / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

const when = (iso: string) => `<time datetime="${e(iso)}">${e(iso.slice(0, 16).replace('T', ' '))} UTC</time>`;

function level(d: PublicDay): string {
  if (d.uptime === null) return '';
  if (d.uptime >= 99.9) return 'ok';
  if (d.uptime >= 99) return 'warn';
  return 'bad';
}

function dayTitle(d: PublicDay): string {
  const up = d.uptime === null ? 'no data' : `${d.uptime.toFixed(2)}% uptime`;
  const inc = d.incidents ? ` · ${d.incidents} incident${d.incidents === 1 ? '' : 's'}` : ' · no incidents';
  const mnt = d.maintenance ? ` · ${d.maintenance} maintenance` : '';
  return `${d.date}: ${up}${inc}${mnt}`;
}

// Days without checks or events are the bulk of a new page: a bare grey bar keeps the page small.
function bar(d: PublicDay): string {
  const cls = level(d);
  if (!cls && !d.incidents && !d.maintenance) return '<i></i>';
  return `<i${cls ? ` class="b-${cls}"` : ''} title="${e(dayTitle(d))}"></i>`;
}

/** An inline SVG line of the last day's hourly response times; no script, scaled to its own range. */
export function sparkline(values: number[]): string {
  if (values.length < 2) return '';
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  const pts = values.map(
    (v, i) => `${((i / (values.length - 1)) * 300).toFixed(1)},${(28 - ((v - min) / span) * 26).toFixed(1)}`,
  );
  return `<svg class="spark" viewBox="0 0 300 30" preserveAspectRatio="none" role="img" aria-label="Response time over the last 24 hours, ${Math.round(min)} to ${Math.round(max)} ms"><polyline points="${pts.join(' ')}" fill="none" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke"/></svg><p class="muted small">Response time, last 24 h: ${Math.round(min)}–${Math.round(max)} ms</p>`;
}

export function renderComponent(c: PublicComponent): string {
  const bars = c.days.map(bar).join('');
  const uptime = c.uptime_90d === null ? 'no data' : `${c.uptime_90d.toFixed(2)}% uptime`;
  return `<div class="comp"><div class="row"><span class="cname">${e(c.name)}</span><span class="state st-${c.status}">${STATE_LABEL[c.status]}</span></div>
<div class="bars" aria-label="Daily uptime over 90 days">${bars}</div>
<div class="legend muted small"><span>90 days ago</span><span>${uptime}</span><span>Today</span></div>${c.latency_ms ? sparkline(c.latency_ms) : ''}</div>`;
}

export function renderIncident(i: PublicIncident, open: boolean): string {
  const meta = [
    i.kind === 'maintenance'
      ? `Scheduled ${when(i.starts_at)}${i.ends_at ? ` – ${when(i.ends_at)}` : ''}`
      : `Started ${when(i.starts_at)}`,
    i.duration_s !== null && i.kind === 'incident' && !i.active ? `lasted ${formatDuration(i.duration_s)}` : '',
    i.components.length ? `Affects ${i.components.map(e).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const updates = i.updates
    .map(
      (u) =>
        `<li><strong class="ustatus">${e(u.status.replace('_', ' '))}</strong> ${when(u.at)}<div class="md">${renderMarkdown(u.message)}</div></li>`,
    )
    .join('');
  const postmortem = i.postmortem
    ? `<details><summary>Postmortem</summary><div class="md">${renderMarkdown(i.postmortem)}</div></details>`
    : '';
  return `<article class="incident imp-${e(i.impact)}${open ? ' open' : ''}"><h3>${e(i.title)} <span class="pill">${e(i.status.replace('_', ' '))}</span></h3>
<p class="muted small">${meta}</p>${updates ? `<ul class="updates">${updates}</ul>` : ''}${postmortem}</article>`;
}
