import { authorize } from '@/lib/api/auth';
import type { Lookout } from '@/lib/engine/context';
import { NotFoundError } from '@/lib/errors';
import { getStatusTargets } from '@/lib/queries/get-status-targets';
import { getWindowStats, uptimePercent } from '@/lib/queries/get-window-stats';
import { listStatusPages } from '@/lib/queries/list-status-pages';
import { quantile } from '@/lib/stats/histogram';
import { type BadgeColor, renderBadge } from './badge-svg';
import './fast-path';
import { htmlKey } from './public-cache';
import { buildPublicView } from './public-view';
import { renderAtom, renderRss } from './render-feeds';
import { renderStatusPage, type Theme } from './render-page';
import { renderSummary } from './render-summary';
import { servePublic } from './serve-public';

export type PublicFormat = 'html' | 'json' | 'atom' | 'rss';

const TYPES: Record<PublicFormat, string> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
};

/** One public status answer: the page, its summary.json or a feed; an unknown slug is a 404 like any other. */
export function statusPageAnswer(lookout: Lookout, req: Request, slug: string, format: PublicFormat): Response {
  const url = new URL(req.url);
  const theme: Theme =
    format === 'html' && ['light', 'dark'].includes(url.searchParams.get('theme') ?? '')
      ? (url.searchParams.get('theme') as Theme)
      : null;
  const pageUrl = `${url.origin}/status/${encodeURIComponent(slug)}`;
  const res = servePublic(req, htmlKey(slug, theme, format, url.origin), TYPES[format], () => {
    const [page] = listStatusPages(lookout.readDb, { slug });
    if (!page) return null;
    const view = buildPublicView(lookout.readDb, page, lookout.clock.now());
    if (format === 'html') return renderStatusPage(view, theme);
    if (format === 'json') return renderSummary(view, pageUrl);
    return format === 'atom' ? renderAtom(view, pageUrl) : renderRss(view, pageUrl);
  });
  if (!res) throw new NotFoundError('status page');
  return res;
}

export type BadgeKind =
  | { kind: 'status' }
  | { kind: 'uptime'; window: '24h' | '7d' | '30d' | '90d' }
  | { kind: 'latency' };

const WINDOW_MS = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, '90d': 90 * 86_400_000 };

function published(lookout: Lookout, name: string): boolean {
  return listStatusPages(lookout.readDb).some((p) =>
    p.groups.some((g) => g.components.some((c) => c.targets.includes(name))),
  );
}

function uptimeColor(v: number): BadgeColor {
  return v >= 99.9 ? 'brightgreen' : v >= 99 ? 'green' : v >= 97 ? 'yellow' : v >= 95 ? 'orange' : 'red';
}

/** A target's badge: public when a status page shows the target, otherwise for read rights only. */
export function badgeAnswer(lookout: Lookout, req: Request, name: string, badge: BadgeKind): Response {
  const target = getStatusTargets(lookout.readDb, [name]).get(name);
  if (!target) throw new NotFoundError('target');
  const open = published(lookout, name);
  if (!open) authorize(lookout, req, 'read');
  const key = `badge:${name}:${badge.kind}:${badge.kind === 'uptime' ? badge.window : ''}`;
  const res = servePublic(
    req,
    key,
    'image/svg+xml',
    () => {
      if (badge.kind === 'status') {
        const s = target.paused ? 'paused' : target.status;
        return renderBadge(name, s, s === 'up' ? 'brightgreen' : s === 'down' ? 'red' : 'lightgrey');
      }
      const now = lookout.clock.now();
      const span = badge.kind === 'uptime' ? WINDOW_MS[badge.window] : WINDOW_MS['24h'];
      const stats = getWindowStats(lookout.readDb, now - span, now, target.id, badge.kind === 'latency').get(target.id);
      if (badge.kind === 'uptime') {
        const up = uptimePercent(stats);
        const label = `uptime ${badge.window}`;
        if (up === null) return renderBadge(label, 'no data', 'lightgrey');
        return renderBadge(label, `${up >= 99.995 ? 100 : up.toFixed(2)}%`, uptimeColor(up));
      }
      const p95 = stats ? quantile(stats.hist, 0.95) : null;
      if (p95 === null) return renderBadge('p95 latency', 'no data', 'lightgrey');
      const color: BadgeColor = p95 < 300 ? 'brightgreen' : p95 < 1000 ? 'yellow' : 'orange';
      return renderBadge('p95 latency', `${Math.round(p95)} ms`, color);
    },
    open ? 'public' : 'private',
  );
  return res as Response;
}
