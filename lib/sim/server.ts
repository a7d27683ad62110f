import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonResponse } from './health';
import { type CompletionAnswer, type CompletionApi, writeCompletion } from './llm-answer';

export interface SimRoutes {
  health(authenticated: boolean): JsonResponse;
  status(): JsonResponse;
  /** POST /v1/messages (anthropic) and /v1/chat/completions (openai): what a provider would answer. */
  completion?(api: CompletionApi, model: unknown, authenticated: boolean): CompletionAnswer;
  /** Simulator internals under /__sim/ (tally, phase); not part of CCProxy. */
  internal: Record<string, () => unknown>;
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  size: number;
  durationUs: number;
  clientIp: string;
  userAgent: string;
}

export interface SimServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** CCProxy trusts localhost when no api key is configured; otherwise a Bearer token or x-api-key. */
export function isAuthenticated(req: http.IncomingMessage, apiKey: string | undefined): boolean {
  if (!apiKey) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  return bearer === apiKey || req.headers['x-api-key'] === apiKey;
}

function send(res: http.ServerResponse, r: JsonResponse | { status: number; body: unknown }): number {
  const text = JSON.stringify(r.body);
  const size = Buffer.byteLength(text);
  res.writeHead(r.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': size });
  res.end(text);
  return size;
}

function route(
  req: http.IncomingMessage,
  path: string,
  opts: SimServerOptions,
): JsonResponse | { status: number; body: unknown } {
  const get = req.method === 'GET' || req.method === 'HEAD';
  if (get && path === '/health') return opts.routes.health(isAuthenticated(req, opts.apiKey));
  if (get && path === '/status') return opts.routes.status();
  const internal = path.startsWith('/__sim/') ? opts.routes.internal[path.slice('/__sim/'.length)] : undefined;
  if (get && internal) return { status: 200, body: internal() };
  return { status: 404, body: { error: 'not found', path } };
}

export interface SimServerOptions {
  host: string;
  port: number;
  apiKey?: string;
  routes: SimRoutes;
  /** Called for every CCProxy endpoint hit (not /__sim/), so it can be logged like real traffic. */
  onServed?: (r: ServedRequest) => void;
  /** `POST /__sim/webhook`: the demo's alert receiver, standing in for a team's webhook. */
  onWebhook?: (body: unknown) => void;
}

function receiveWebhook(req: http.IncomingMessage, res: http.ServerResponse, onWebhook: (body: unknown) => void): void {
  let text = '';
  req.on('data', (c: Buffer) => {
    if (text.length < 1_000_000) text += c.toString();
  });
  req.on('end', () => {
    try {
      onWebhook(JSON.parse(text) as unknown);
      send(res, { status: 200, body: {} });
    } catch {
      send(res, { status: 400, body: { error: 'not JSON' } });
    }
  });
}

const COMPLETION_PATHS: Record<string, CompletionApi> = {
  '/v1/messages': 'anthropic',
  '/v1/chat/completions': 'openai',
};

function answerCompletion(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  api: CompletionApi,
  opts: SimServerOptions,
) {
  let text = '';
  req.on('data', (c: Buffer) => {
    if (text.length < 1_000_000) text += c.toString();
  });
  req.on('end', () => {
    let model: unknown;
    try {
      model = (JSON.parse(text) as { model?: unknown }).model;
    } catch {
      return send(res, { status: 400, body: { error: 'not JSON' } });
    }
    const answer = opts.routes.completion!(api, model, isAuthenticated(req, opts.apiKey));
    writeCompletion(res, api, answer, Date.now(), () => {});
  });
}

export function startSimServer(opts: SimServerOptions): Promise<SimServer> {
  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = new URL(req.url ?? '/', 'http://sim').pathname;
    if (req.method === 'POST' && path === '/__sim/webhook' && opts.onWebhook)
      return receiveWebhook(req, res, opts.onWebhook);
    const api = COMPLETION_PATHS[path];
    if (req.method === 'POST' && api && opts.routes.completion) return answerCompletion(req, res, api, opts);
    const answer = route(req, path, opts);
    const size = send(res, answer);
    if (path.startsWith('/__sim/')) return;
    opts.onServed?.({
      method: req.method ?? 'GET',
      path,
      status: answer.status,
      size,
      durationUs: Math.max(1, Number((process.hrtime.bigint() - started) / BigInt(1000))),
      clientIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
      userAgent: req.headers['user-agent'] ?? '',
    });
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      const { port } = server.address() as AddressInfo;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
