import http from 'node:http';

/** One local /health answering like a healthy CCProxy, shared by every probed target of a benchmark. */
export async function startHealthServer(): Promise<{ port: number; close: () => void }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"healthy","providers":{"healthy":3,"total":3}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as { port: number }).port, close: () => server.close() };
}
