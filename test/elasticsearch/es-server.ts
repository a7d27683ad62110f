import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as bulk from '@/app/%5Fbulk/route';
import * as info from '@/app/%5Felasticsearch/route';
import * as license from '@/app/%5Flicense/route';
import * as indexBulk from '@/app/[index]/%5Fbulk/route';

type Ctx = { params: Promise<Record<string, string>> };

function pick(
  method: string,
  path: string,
): [(req: Request, ctx?: Ctx) => Promise<Response>, Record<string, string>] | null {
  if ((method === 'GET' || method === 'HEAD') && path === '/') return [info.GET, {}];
  if (method === 'GET' && path === '/_license') return [license.GET, {}];
  if (method === 'POST' && path === '/_bulk') return [bulk.POST, {}];
  const m = /^\/([^/]+)\/_bulk$/.exec(path);
  if (method === 'POST' && m) return [indexBulk.POST, { index: decodeURIComponent(m[1]) }];
  return null;
}

/** A real HTTP server on 127.0.0.1 routing Elasticsearch's paths to Lookout's handlers as Next and proxy.ts do. */
export async function serveElasticsearch(): Promise<{ url: string; requests: number; close: () => Promise<void> }> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      state.requests++;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const found = pick(req.method ?? 'GET', url.pathname);
      if (!found) {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const hasBody = req.method === 'POST';
      const answer = await found[0](
        new Request(url, {
          method: req.method === 'HEAD' ? 'GET' : req.method,
          headers,
          body: hasBody ? Buffer.concat(chunks) : undefined,
        }),
        { params: Promise.resolve(found[1]) },
      );
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(req.method === 'HEAD' ? undefined : Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
