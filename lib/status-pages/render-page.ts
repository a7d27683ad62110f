import { escapeHtml as e } from './markdown';
import type { PublicView } from './public-view';
import { renderComponent, renderIncident } from './render-parts';
import { STATUS_CSS } from './status-css';

export type Theme = 'light' | 'dark' | null;

/** The whole public page as one HTML document: no script, styles inline, every value escaped. */
export function renderStatusPage(view: PublicView, theme: Theme): string {
  const { page } = view;
  const base = `/status/${encodeURIComponent(page.slug)}`;
  const section = (title: string, body: string) => (body ? `<section><h2>${title}</h2>${body}</section>` : '');
  const groups = view.groups
    .map(
      (g) =>
        `<section class="group">${g.name ? `<h2>${e(g.name)}</h2>` : ''}${g.components.map(renderComponent).join('')}</section>`,
    )
    .join('');
  const history = view.history.length
    ? view.history.map((i) => renderIncident(i, false)).join('')
    : '<p class="muted">No incidents in the last 90 days.</p>';
  return `<!doctype html>
<html lang="en"${theme ? ` data-theme="${theme}"` : ''}><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${e(page.title)} status</title>
<meta name="description" content="${e(view.description)}">
<link rel="alternate" type="application/atom+xml" title="${e(page.title)} incidents (Atom)" href="${base}/feed.atom">
<link rel="alternate" type="application/rss+xml" title="${e(page.title)} incidents (RSS)" href="${base}/feed.rss">
<style>${STATUS_CSS}</style></head>
<body><main class="wrap">
<header class="head">${page.logo ? `<img class="logo" src="${e(page.logo)}" alt="" referrerpolicy="no-referrer">` : ''}<div><h1>${e(page.title)}</h1>${page.description ? `<p class="muted">${e(page.description)}</p>` : ''}</div></header>
<p class="overall ind-${view.indicator}" role="status">${e(view.description)}</p>
${section('Active incidents and maintenance', view.active.map((i) => renderIncident(i, true)).join(''))}
${section('Scheduled maintenance', view.upcoming.map((i) => renderIncident(i, true)).join(''))}
${groups}
<section><h2>History</h2>${history}</section>
<footer class="muted small"><a href="${base}/feed.atom">Atom</a> · <a href="${base}/feed.rss">RSS</a> · <a href="${base}/summary.json">JSON</a> · Updated <time datetime="${page.updated_at}">${page.updated_at.slice(0, 16).replace('T', ' ')} UTC</time></footer>
</main></body></html>`;
}
