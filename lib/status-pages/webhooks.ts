import type { Db } from '@/lib/db/connection';
import { subscriberUrls } from './subscriber-store';

const TIMEOUT_MS = 5_000;

/** What a subscriber receives: the incident as the public page tells it, nothing more. */
export interface IncidentEvent {
  event: 'incident.created' | 'incident.updated';
  page: { slug: string; title: string };
  incident: unknown;
}

/**
 * POSTs the event to every webhook subscriber of the page, each once with a short timeout; a failing
 * subscriber never delays the admin's request or another subscriber. Resolves when all have answered.
 */
export async function notifySubscribers(db: Db, pageId: number, event: IncidentEvent): Promise<number> {
  const urls = subscriberUrls(db, pageId);
  const body = JSON.stringify(event);
  const results = await Promise.allSettled(
    urls.map(async (url) => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Lookout status page' },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    }),
  );
  const failed = results.filter((r) => r.status === 'rejected').length;
  if (failed) console.warn(`[lookout] status page webhooks: ${failed} of ${urls.length} subscribers failed`);
  return urls.length - failed;
}
