import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthTarget {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** A real HTTP service on 127.0.0.1 whose /health answers like a healthy CCProxy. */
export async function startHealthTarget(port = 0): Promise<HealthTarget> {
  const server = http.createServer((req, res) => {
    res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json', connection: 'close' });
    res.end(req.url === '/health' ? JSON.stringify({ status: 'healthy', providers: { healthy: 1 } }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/health`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
