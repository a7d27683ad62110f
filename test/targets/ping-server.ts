import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as pingSignal from '@/app/ping/[token]/[signal]/route';
import * as ping from '@/app/ping/[token]/route';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Serves /ping/… over real HTTP on 127.0.0.1, handing each request to the route files as Next does. */
export async function servePings(closers: (() => void)[]): Promise<string> {
  const server = http.createServer(async (req, res) => {
    const parts = (req.url ?? '').split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const mod = parts.length === 2 ? ping : parts.length === 3 ? pingSignal : null;
    const handler = mod && parts[0] === 'ping' ? (mod[req.method as 'GET' | 'POST'] as Handler | undefined) : undefined;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const body = req.method === 'POST' ? Buffer.concat(chunks) : undefined;
    const answer = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, body }), {
      params: Promise.resolve({ token: parts[1], ...(parts[2] !== undefined && { signal: parts[2] }) }),
    });
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  closers.push(() => server.close());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
