import type { Lookout } from '@/lib/engine/context';
import type { StatusIncident } from '@/lib/queries/list-status-incidents';
import { listStatusPages } from '@/lib/queries/list-status-pages';
import { notifySubscribers } from './webhooks';

/** Tells the page's webhook subscribers, in the background: the admin's answer never waits for them. */
export function announceIncident(lookout: Lookout, pageId: number, incident: StatusIncident, created: boolean): void {
  const [page] = listStatusPages(lookout.readDb, { id: pageId });
  if (!page) return;
  const { page_id: _, ...published } = incident;
  void notifySubscribers(lookout.db, pageId, {
    event: created ? 'incident.created' : 'incident.updated',
    page: { slug: page.slug, title: page.title },
    incident: published,
  }).catch((err: Error) => console.warn(`[lookout] status page webhooks: ${err.message}`));
}
