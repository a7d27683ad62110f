import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Handler = (req: Request) => Promise<Response>;

/** A real HTTP server on 127.0.0.1 that hands each request to the route handler for its path, as Next does. */
export async function serveRoutes(
  routes: Record<string, Partial<Record<'GET' | 'POST', Handler>>>,
): Promise<{ url: string; close: () => Promise<void>; requests: number }> {
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      state.requests++;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const handler = routes[url.pathname]?.[req.method as 'GET' | 'POST'];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const answer = await handler(
        new Request(url, { method: req.method, headers, body: req.method === 'GET' ? undefined : body }),
      );
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
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
