import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** A path pattern with `{name}` segments and the route file's exports. */
export type Mount = [pattern: string, methods: Partial<Record<string, Handler>>];

function match(pattern: string, pathname: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = pathname.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const m = /^\{(\w+)\}$/.exec(p[i]);
    if (m) params[m[1]] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/** Serves route handlers over real HTTP on 127.0.0.1, as Next would, for clients like promtool and Prometheus. */
export async function serveRoutes(mounts: Mount[]): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    for (const [pattern, methods] of mounts) {
      const params = match(pattern, url.pathname);
      const handler = params && methods[req.method ?? 'GET'];
      if (!params) continue;
      if (!handler) break;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length && req.method !== 'GET' ? Buffer.concat(chunks) : undefined;
      const r = await handler(new Request(url, { method: req.method, headers, body }), {
        params: Promise.resolve(params),
      });
      res.writeHead(r.status, Object.fromEntries(r.headers.entries()));
      res.end(Buffer.from(await r.arrayBuffer()));
      return;
    }
    res.writeHead(405, { 'content-type': 'text/plain' });
    res.end('no such route or method');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The Prometheus query API's route files, mounted at their paths. */
export async function prometheusMounts(): Promise<Mount[]> {
  const base = '/prometheus/api/v1';
  return [
    [`${base}/query`, await import('@/app/prometheus/api/v1/query/route')],
    [`${base}/query_range`, await import('@/app/prometheus/api/v1/query_range/route')],
    [`${base}/series`, await import('@/app/prometheus/api/v1/series/route')],
    [`${base}/labels`, await import('@/app/prometheus/api/v1/labels/route')],
    [`${base}/label/{name}/values`, await import('@/app/prometheus/api/v1/label/[name]/values/route')],
    [`${base}/metadata`, await import('@/app/prometheus/api/v1/metadata/route')],
    [`${base}/status/buildinfo`, await import('@/app/prometheus/api/v1/status/buildinfo/route')],
    ['/metrics', await import('@/app/metrics/route')],
  ];
}
