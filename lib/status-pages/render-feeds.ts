import { renderMarkdown, escapeHtml as x } from './markdown';
import type { PublicIncident } from './public-incidents';
import type { PublicView } from './public-view';

function story(view: PublicView): PublicIncident[] {
  return [...view.active, ...view.upcoming, ...view.history]
    .sort((a, b) => Date.parse(updatedOf(b)) - Date.parse(updatedOf(a)))
    .slice(0, 50);
}

const updatedOf = (i: PublicIncident) => i.updates[0]?.at ?? i.starts_at;

function contentOf(i: PublicIncident): string {
  const lines = i.updates.map(
    (u) => `<p><strong>${x(u.status.replace('_', ' '))}</strong> ${x(u.at)}</p>${renderMarkdown(u.message)}`,
  );
  if (i.postmortem) lines.push(`<h3>Postmortem</h3>${renderMarkdown(i.postmortem)}`);
  return lines.join('');
}

/** Atom 1.0: one entry per incident or maintenance, updated with its latest update. */
export function renderAtom(view: PublicView, pageUrl: string): string {
  const items = story(view);
  const entries = items
    .map(
      (
        i,
      ) => `<entry><id>${x(`${pageUrl}#incident-${i.id}`)}</id><title>${x(i.title)} (${x(i.status.replace('_', ' '))})</title>
<link rel="alternate" href="${x(pageUrl)}"/><published>${i.starts_at}</published><updated>${updatedOf(i)}</updated>
<content type="html">${x(contentOf(i))}</content></entry>`,
    )
    .join('\n');
  const updated = items[0] ? updatedOf(items[0]) : view.page.updated_at;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>${x(pageUrl)}</id><title>${x(view.page.title)} status</title>
<link rel="alternate" href="${x(pageUrl)}"/><link rel="self" href="${x(`${pageUrl}/feed.atom`)}"/><updated>${updated}</updated>
<author><name>${x(view.page.title)}</name></author>
${entries}
</feed>`;
}

const rfc822 = (iso: string) => new Date(iso).toUTCString();

/** RSS 2.0, the same items as the Atom feed. */
export function renderRss(view: PublicView, pageUrl: string): string {
  const items = story(view)
    .map(
      (i) => `<item><title>${x(i.title)} (${x(i.status.replace('_', ' '))})</title><link>${x(pageUrl)}</link>
<guid isPermaLink="false">${x(`${pageUrl}#incident-${i.id}`)}</guid><pubDate>${rfc822(updatedOf(i))}</pubDate>
<description>${x(contentOf(i))}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${x(view.page.title)} status</title><link>${x(pageUrl)}</link>
<description>${x(view.page.description || `Incidents and maintenance of ${view.page.title}`)}</description>
<lastBuildDate>${rfc822(view.page.updated_at)}</lastBuildDate>
${items}
</channel></rss>`;
}
