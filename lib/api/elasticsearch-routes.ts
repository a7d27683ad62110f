import { EsError, esErrorBody } from '@/lib/elasticsearch/es-error';
import { clusterInfo, licenseInfo } from '@/lib/elasticsearch/handshake';
import { ingestBulk } from '@/lib/elasticsearch/ingest-bulk';
import { parseBulk } from '@/lib/elasticsearch/parse-bulk';
import { readBulk } from '@/lib/elasticsearch/read-bulk';
import { IngestUnavailable } from '@/lib/ingest/worker/ingest-client';
import type { elasticsearchEndpoints } from './openapi/endpoints-elasticsearch';
import type { Endpoint } from './openapi/types';
import { type NextHandler, type RouteHandler, route } from './route';

type Endpoints = typeof elasticsearchEndpoints;

/** Every answer carries the product header: the official clients refuse a 2xx without it. */
function esJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'x-elastic-product': 'Elasticsearch', ...headers } });
}

function esError(status: number, type: string, reason: string): Response {
  const auth: Record<string, string> = status === 401 ? { 'www-authenticate': 'Basic realm="lookout"' } : {};
  return esJson(esErrorBody(status, type, reason), status, auth);
}

/**
 * Elasticsearch clients send credentials as `ApiKey base64(id:key)`, `Basic base64(user:password)` or
 * `Bearer`; the ingest token may stand in the key's or the password's place (docs/intake.md#tokens).
 */
export function bearerFromElastic(header: string | null): string | null {
  const m = header?.trim().match(/^(\w+)\s+(\S+)$/);
  if (!m) return header;
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') return header;
  if (scheme !== 'apikey' && scheme !== 'basic') return header;
  const decoded = Buffer.from(m[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const readable = colon >= 0 && /^[\x20-\x7e]+$/.test(decoded);
  if (scheme === 'basic') return readable ? `Bearer ${decoded.slice(colon + 1)}` : header;
  return `Bearer ${readable ? decoded.slice(colon + 1) : m[2]}`;
}

/** route() with Elasticsearch's manners: its credentials, its error shape, its product header. */
function esRoute<const E extends Endpoint>(endpoint: E, handler: RouteHandler<E>): NextHandler {
  const inner = route(endpoint, async (input) => {
    try {
      return await handler(input);
    } catch (err) {
      if (err instanceof EsError) return esError(err.status, err.type, err.message);
      if (err instanceof IngestUnavailable)
        return esError(503, 'unavailable_shards_exception', `${err.message}; retry the bulk`);
      throw err;
    }
  });
  const serve = async (req: Request, ctx?: { params: Promise<Record<string, string>> }) => {
    const headers = new Headers(req.headers);
    const bearer = bearerFromElastic(req.headers.get('authorization'));
    if (bearer) headers.set('authorization', bearer);
    const res = await inner(new Request(req, { headers }), ctx);
    if (res.headers.has('x-elastic-product')) return res;
    // The API's own answers (401, 403, 400 …) in Elasticsearch's error shape.
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    const type = res.status === 401 || res.status === 403 ? 'security_exception' : 'status_exception';
    return esError(res.status, type, body?.error?.message ?? `HTTP ${res.status}`);
  };
  return Object.assign(serve, { endpoint });
}

/** GET / for Elasticsearch clients (the proxy routes them here): name and version. */
export const esInfoRoute = (endpoint: Endpoints['esInfo']) =>
  esRoute(endpoint, ({ lookout }) => esJson(clusterInfo(lookout.version)));

/** GET /_license: a basic licence. */
export const esLicenseRoute = (endpoint: Endpoints['esLicense']) => esRoute(endpoint, () => esJson(licenseInfo()));

/** POST /_bulk and /{index}/_bulk: per-item answers once the documents are stored. */
export const esBulkRoute = (endpoint: Endpoints['esBulk'] | Endpoints['esIndexBulk']) =>
  esRoute(endpoint, async ({ lookout, req, params }) => {
    const started = Date.now();
    const body = await readBulk(req);
    const pathIndex = 'index' in params ? (params.index as string) : null;
    const items = parseBulk(body, pathIndex, lookout.clock.now());
    return esJson(await ingestBulk(lookout.ingest, lookout.readDb, items, started));
  });
