/**
 * Who may call what: every route file and page under app/, by URL pattern and method. The coverage
 * tests fail when a route file, page or method exists that this table does not list, or the reverse.
 */
export type Access = 'open' | 'read' | 'ingest' | 'admin';
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export interface RouteRule {
  access: Access;
  /** A body that passes validation far enough for the rights check to decide (default `{}`). */
  body?: unknown;
  query?: string;
}

export const ROUTES: Record<string, Partial<Record<Method, RouteRule>>> = {
  '/api/v1/health': { GET: { access: 'open' } },
  '/api/v1/openapi.json': { GET: { access: 'read' } },
  '/metrics': { GET: { access: 'read' } },
  '/prometheus/api/v1/query': { GET: { access: 'read' }, POST: { access: 'read' } },
  '/prometheus/api/v1/query_range': { GET: { access: 'read' }, POST: { access: 'read' } },
  '/prometheus/api/v1/series': { GET: { access: 'read' }, POST: { access: 'read' } },
  '/prometheus/api/v1/labels': { GET: { access: 'read' }, POST: { access: 'read' } },
  '/prometheus/api/v1/label/[name]/values': { GET: { access: 'read' } },
  '/prometheus/api/v1/metadata': { GET: { access: 'read' } },
  '/prometheus/api/v1/status/buildinfo': { GET: { access: 'read' } },
  '/api/v1/system': { GET: { access: 'read' } },
  '/api/v1/system/series': { GET: { access: 'read' } },
  // Signing in and out needs no rights; choosing a password needs admin (or, the first time, the admin token in the body).
  '/api/v1/session': { GET: { access: 'read' }, POST: { access: 'open' }, DELETE: { access: 'open' } },
  '/api/v1/session/password': { POST: { access: 'admin', body: { password: 'a long enough password' } } },
  '/api/v1/tokens': { GET: { access: 'admin' }, POST: { access: 'admin' } },
  '/api/v1/tokens/[id]': { DELETE: { access: 'admin' } },
  '/api/v1/targets': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/targets/sparklines': { GET: { access: 'read' } },
  '/api/v1/targets/[id]': { GET: { access: 'read' }, PATCH: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/targets/[id]/checks': { GET: { access: 'read' } },
  '/api/v1/targets/[id]/incidents': { GET: { access: 'read' } },
  '/api/v1/targets/[id]/latency': { GET: { access: 'read' } },
  '/api/v1/targets/[id]/buckets': { GET: { access: 'read' } },
  '/api/v1/targets/[id]/gauges': { GET: { access: 'read' } },
  '/api/v1/logs': { GET: { access: 'read' }, POST: { access: 'ingest', query: '?source=coverage' } },
  '/api/v1/logs/histogram': { GET: { access: 'read' } },
  '/v1/logs': { POST: { access: 'ingest' } },
  '/api/v1/otlp/v1/logs': { POST: { access: 'ingest' } },
  '/v1/metrics': { POST: { access: 'ingest' } },
  '/api/v1/otlp/v1/metrics': { POST: { access: 'ingest' } },
  '/api/v1/usage/claude-code': { GET: { access: 'read' } },
  '/api/v1/providers/health': { GET: { access: 'read' } },
  '/loki/api/v1/push': { POST: { access: 'ingest' } },
  '/%5Fbulk': { POST: { access: 'ingest' } },
  '/[index]/%5Fbulk': { POST: { access: 'ingest' } },
  '/%5Felasticsearch': { GET: { access: 'ingest' } },
  '/%5Flicense': { GET: { access: 'ingest' } },
  '/api/v1/sources': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/sources/[id]': { DELETE: { access: 'admin' } },
  '/api/v1/stats/summary': { GET: { access: 'read' } },
  '/api/v1/stats/requests': { GET: { access: 'read' } },
  '/api/v1/stats/errors': { GET: { access: 'read' } },
  '/api/v1/stats/latency': { GET: { access: 'read' } },
  '/api/v1/stats/providers': { GET: { access: 'read' } },
  '/api/v1/stats/models': { GET: { access: 'read' } },
  '/api/v1/stats/routes': { GET: { access: 'read' } },
  '/api/v1/sources/[id]/detection': { GET: { access: 'read' } },
  '/api/v1/rules': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/rules/[id]': {
    GET: { access: 'read' },
    PUT: { access: 'admin' },
    PATCH: { access: 'admin' },
    DELETE: { access: 'admin' },
  },
  '/api/v1/rules/export': { GET: { access: 'read' } },
  // Previewing an expression only reads series, so read rights suffice.
  '/api/v1/rules/preview': { POST: { access: 'read' } },
  '/api/v1/alerts': { GET: { access: 'read' } },
  '/api/v1/alerts/history': { GET: { access: 'read' } },
  '/api/v1/silences': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/silences/[id]': { DELETE: { access: 'admin' } },
  '/api/v1/notifications': { GET: { access: 'read' } },
  '/api/v1/receivers/[name]/test': { POST: { access: 'admin' } },
  '/api/v1/config/reload': { POST: { access: 'admin' } },
  '/api/v1/slos': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/slos/[id]': { GET: { access: 'read' }, PUT: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/llm/cost': { GET: { access: 'read' } },
  '/api/v1/llm/clients': { GET: { access: 'read' } },
  '/api/v1/llm/unknown': { GET: { access: 'read' } },
  '/api/v1/llm/prices': {
    GET: { access: 'read' },
    POST: { access: 'admin' },
    DELETE: { access: 'admin', query: '?provider=x&model=y' },
  },
  '/api/v1/llm/budgets': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/llm/budgets/[id]': { GET: { access: 'read' }, PUT: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/maintenance': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/maintenance/[id]': { GET: { access: 'read' }, PUT: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/status-pages': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/status-pages/[id]': { GET: { access: 'read' }, PATCH: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/status-pages/[id]/incidents': { GET: { access: 'read' }, POST: { access: 'admin' } },
  '/api/v1/status-pages/[id]/incidents/[incident]': { PATCH: { access: 'admin' }, DELETE: { access: 'admin' } },
  '/api/v1/status-pages/[id]/incidents/[incident]/updates': { POST: { access: 'admin' } },
  '/api/v1/status-pages/[id]/subscribers': { GET: { access: 'admin' }, POST: { access: 'admin' } },
  '/api/v1/status-pages/[id]/subscribers/[subscriber]': { DELETE: { access: 'admin' } },
  // Public status pages and badges (docs/status-pages.md): open; a badge of an unpublished target asks for read rights.
  '/status/[slug]': { GET: { access: 'open' } },
  '/status/[slug]/summary.json': { GET: { access: 'open' } },
  '/status/[slug]/feed.atom': { GET: { access: 'open' } },
  '/status/[slug]/feed.rss': { GET: { access: 'open' } },
  '/badge/[name]/status.svg': { GET: { access: 'open' } },
  '/badge/[name]/uptime/[window]': { GET: { access: 'open' } },
  '/badge/[name]/latency.svg': { GET: { access: 'open' } },
  // Heartbeat pings (docs/monitors.md#heartbeat): the token in the path is the secret.
  '/ping/[token]': { GET: { access: 'open' }, POST: { access: 'open' } },
  '/ping/[token]/[signal]': { GET: { access: 'open' }, POST: { access: 'open' } },
};

/** Pages: every one but /login needs read rights; `url` fills the dynamic segments. */
export const PAGES: Record<string, { access: 'open' | 'read'; url: string }> = {
  '/': { access: 'read', url: '/' },
  '/login': { access: 'open', url: '/login' },
  '/targets/[id]': { access: 'read', url: '/targets/1' },
  '/providers': { access: 'read', url: '/providers' },
  '/claude-code': { access: 'read', url: '/claude-code' },
  '/logs': { access: 'read', url: '/logs' },
  '/alerts': { access: 'read', url: '/alerts' },
  '/system': { access: 'read', url: '/system' },
  '/explore': { access: 'read', url: '/explore' },
  '/settings': { access: 'read', url: '/settings' },
  '/wall': { access: 'read', url: '/wall' },
  '/embed/[panel]': { access: 'read', url: '/embed/requests' },
  '/slos/[id]': { access: 'read', url: '/slos/1' },
};

/** `app/api/v1/targets/[id]/route.ts` → `/api/v1/targets/[id]`; route groups `(x)` vanish from URLs. */
export function routeOf(file: string, _name: 'route.ts' | 'page.tsx'): string {
  const parts = file
    .split('/')
    .slice(1, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`.replace(/\/$/, '') || '/';
}

export function listAppFiles(root: string, name: 'route.ts' | 'page.tsx', fs: typeof import('node:fs')): string[] {
  return (fs.readdirSync(`${root}/app`, { recursive: true }) as string[])
    .map((f) => `app/${f.split('\\').join('/')}`)
    .filter((f) => f.endsWith(`/${name}`))
    .sort();
}
