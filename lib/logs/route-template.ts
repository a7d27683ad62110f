const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX_ID = /^(?=[^g-z]*\d)[0-9a-f]{8,}$/i;
const NUMBER = /^\d+(?:\.\d+)?$/;
// Base64-ish tokens, ULIDs, slugs with a long numeric tail: long, with digits, without word-like separators.
const TOKEN = /^(?=.*\d)[A-Za-z0-9_-]{20,}$/;
const MAX_SEGMENTS = 8;
const MAX_ROUTE_CHARS = 200;

/** A path segment that names one record rather than a resource: numbers, UUIDs, hex and opaque ids. */
function isId(segment: string): boolean {
  return NUMBER.test(segment) || UUID.test(segment) || HEX_ID.test(segment) || TOKEN.test(segment);
}

/**
 * A request path as a route: query and fragment dropped, id-like segments replaced by `:id`, at most
 * 8 segments (`/…` after), so `/users/123` and `/users/456?tab=x` count as one route `/users/:id`.
 */
export function templatePath(path: string): string {
  let end = path.length;
  for (const stop of ['?', '#']) {
    const i = path.indexOf(stop);
    if (i !== -1 && i < end) end = i;
  }
  let p = path.slice(0, end);
  const scheme = p.indexOf('://');
  if (scheme !== -1) {
    const slash = p.indexOf('/', scheme + 3);
    p = slash === -1 ? '/' : p.slice(slash);
  }
  if (!p.startsWith('/')) return p === '*' ? '*' : '/:other';
  const parts = p.split('/').slice(1);
  const out: string[] = [];
  for (const seg of parts.slice(0, MAX_SEGMENTS)) out.push(isId(seg) ? ':id' : seg);
  let route = `/${out.join('/')}${parts.length > MAX_SEGMENTS ? '/…' : ''}`;
  if (route.length > MAX_ROUTE_CHARS) route = `${route.slice(0, MAX_ROUTE_CHARS)}…`;
  return route;
}
