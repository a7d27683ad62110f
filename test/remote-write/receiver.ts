import http from 'node:http';
import { decodeWriteRequest, type WriteSeries } from '@/lib/remote-write/proto';

export interface ReceivedRequest {
  status: number;
  headers: http.IncomingHttpHeaders;
  series: WriteSeries[];
}

/** A tiny real remote write receiver: answers each request with `answer(n)` (n counts from 0) and keeps what came. */
export async function startTestReceiver(
  answer: (n: number) => number,
  port = 0,
): Promise<{ url: string; port: number; requests: ReceivedRequest[]; close: () => Promise<void> }> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const status = answer(requests.length);
    requests.push({ status, headers: req.headers, series: decodeWriteRequest(Buffer.concat(chunks)) });
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(status >= 400 ? `out of order sample (test answer ${status})` : '');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const bound = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${bound}/api/v1/write`,
    port: bound,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const seriesKey = (s: WriteSeries) => s.labels.map((l) => `${l.name}=${l.value}`).join(',');

/** Every (series, timestamp) pair in these requests, with how often it came. */
export function samplesOf(requests: ReceivedRequest[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const r of requests)
    for (const s of r.series)
      for (const p of s.samples) {
        const k = `${seriesKey(s)}@${p.timestamp}`;
        seen.set(k, (seen.get(k) ?? 0) + 1);
      }
  return seen;
}
