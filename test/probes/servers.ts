import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';

export interface Running {
  url: string;
  port: number;
  close: () => Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function listen(server: net.Server, scheme: string): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        url: `${scheme}://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

export function httpServer(handler: Handler): Promise<Running> {
  return listen(http.createServer(handler), 'http');
}

/** Accepts connections and never says a word. */
export function silentServer(): Promise<Running> {
  return listen(
    net.createServer(() => {}),
    'http',
  );
}

/** Accepts a connection and resets it as soon as the request arrives. */
export function resettingServer(): Promise<Running> {
  return listen(
    net.createServer((s) => s.once('data', () => s.resetAndDestroy())),
    'http',
  );
}

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  const s = await listen(net.createServer(), 'http');
  await s.close();
  return s.port;
}

/** An https server with a self-signed certificate made by openssl for this run. */
export function selfSignedServer(handler: Handler): Promise<Running> {
  const dir = tempDir('lookout-tls-');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
    ],
    {
      stdio: 'ignore',
    },
  );
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, handler);
  return listen(server, 'https');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
