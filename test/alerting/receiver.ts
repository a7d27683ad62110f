import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { status: number; headers?: Record<string, string>; hang?: boolean; body?: string };

/** A real receiver on 127.0.0.1 answering from a script of replies (the last one repeats). */
export async function startReceiver(replies: Reply[]) {
  const bodies: {
    at: number;
    body: unknown;
    path: string;
    method: string;
    headers: http.IncomingHttpHeaders;
    raw: string;
  }[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      bodies.push({
        at: Date.now(),
        body: data ? (JSON.parse(data) as unknown) : null,
        path: req.url ?? '',
        method: req.method ?? '',
        headers: req.headers,
        raw: data,
      });
      const r = replies.length > 1 ? replies.shift()! : replies[0];
      if (r.hang) return;
      res.writeHead(r.status, r.headers ?? {});
      res.end(r.body ?? '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook/SECRET-TOKEN`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
