import http from 'node:http';
import https from 'node:https';
import { TLSSocket } from 'node:tls';
import { earliestExpiry } from './cert-chain';

export const MAX_BODY_BYTES = 64 * 1024;

// Shared keep-alive pools: re-used sockets save a handshake per check; lifo lets idle extras expire.
const agentOptions = {
  keepAlive: true,
  maxSockets: 64,
  maxTotalSockets: 512,
  maxFreeSockets: 32,
  scheduling: 'lifo' as const,
};
const httpAgent = new http.Agent(agentOptions);
// No TLS session resumption: a resumed session carries no peer certificate, and each check reads its expiry.
const httpsAgent = new https.Agent({ ...agentOptions, maxCachedSessions: 0 });
// `insecure_skip_verify` targets: their own pool, so an unverified socket is never handed to a verified target.
const insecureAgent = new https.Agent({ ...agentOptions, maxCachedSessions: 0, rejectUnauthorized: false });

export interface RawRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | null;
  signal: AbortSignal;
  insecureSkipVerify?: boolean;
  /** Called once response headers arrive, so a timeout can still report the status. */
  onStatus?: (status: number) => void;
}

export interface RawResponse {
  status: number;
  location: string | null;
  /** At most MAX_BODY_BYTES; `truncated` says there was more, which was not read. */
  body: Buffer;
  truncated: boolean;
  /** https only: the earliest expiry (epoch ms) of the server's chain. */
  certExpiry: number | null;
}

/** One HTTP exchange, body capped; rejects with the Node error (plus `reusedSocket`) on any transport failure. */
export function requestOnce(r: RawRequest): Promise<RawResponse> {
  return new Promise<RawResponse>((resolve, reject) => {
    const isHttps = r.url.protocol === 'https:';
    const headers: Record<string, string> = { 'user-agent': 'Lookout', ...r.headers };
    if (r.body !== null) headers['content-length'] = String(Buffer.byteLength(r.body));
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err);
    };
    const req = (isHttps ? https : http).request(r.url, {
      method: r.method,
      headers,
      agent: isHttps ? (r.insecureSkipVerify ? insecureAgent : httpsAgent) : httpAgent,
      signal: r.signal,
    });
    req.on('error', (err) => fail(Object.assign(err, { reusedSocket: req.reusedSocket })));
    req.on('response', (res) => {
      r.onStatus?.(res.statusCode ?? 0);
      const certExpiry = res.socket instanceof TLSSocket ? earliestExpiry(res.socket) : null;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (truncated: boolean) => {
        if (settled) return;
        settled = true;
        const location = typeof res.headers.location === 'string' ? res.headers.location : null;
        resolve({ status: res.statusCode ?? 0, location, body: Buffer.concat(chunks, size), truncated, certExpiry });
      };
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        const room = MAX_BODY_BYTES - size;
        if (chunk.length > room) {
          // Stop reading: destroying the socket keeps a huge or endless body out of memory.
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size = MAX_BODY_BYTES;
          finish(true);
          res.destroy();
          req.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => finish(false));
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
      });
    });
    req.end(r.body ?? undefined);
  });
}
