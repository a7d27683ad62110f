import { promErrorEnvelope } from '@/lib/api/openapi/shapes-prometheus';
import type { Endpoint } from '@/lib/api/openapi/types';
import { ADMIN } from '../helpers/lookout';
import type { RouteFile } from './route-files';

export type Handler = RouteFile['methods'] extends Map<unknown, infer H> ? H : never;
export interface Sent {
  what: string;
  status: number;
}
export interface SendOptions {
  path?: Record<string, string>;
  query?: [string, string][];
  body?: string;
  type?: string;
}

const VALID_PATH: Record<string, string> = {
  id: '1',
  name: 'hook',
  slug: 'main',
  incident: '1',
  subscriber: '1',
  window: '24h.svg',
  token: 'fuzz-heartbeat-token-0001',
  signal: '0',
};
const safeEncode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return 'lone-surrogate';
  }
};

/** Calls route handlers as admin, the way Next does, and records every answer that breaks the API's promises. */
export class FuzzClient {
  readonly failures: string[] = [];
  sent = 0;

  constructor(private readonly handlers: Map<string, Handler>) {}

  async send(e: Endpoint, what: string, opts: SendOptions): Promise<Sent> {
    const handler = this.handlers.get(`${e.method} ${e.path}`);
    if (!handler) throw new Error(`no route file for ${e.method} ${e.path}`);
    const pathParams = {
      ...Object.fromEntries(Object.keys(e.pathParams ?? {}).map((k) => [k, VALID_PATH[k] ?? 'x'])),
      ...opts.path,
    };
    const url = new URL(`http://127.0.0.1${e.path.replace(/\{(\w+)\}/g, (_, k: string) => safeEncode(pathParams[k]))}`);
    for (const [k, v] of opts.query ?? []) url.searchParams.append(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` };
    if (opts.body !== undefined) headers['content-type'] = opts.type ?? 'application/json';
    const started = performance.now();
    const res = await handler(new Request(url, { method: e.method, headers, body: opts.body }), {
      params: Promise.resolve(pathParams),
    });
    const ms = performance.now() - started;
    const text = await res.text();
    this.sent++;
    this.check(e, `${e.method} ${e.path} ${what} → ${res.status}`, res.status, text, ms);
    return { what, status: res.status };
  }

  private check(e: Endpoint, label: string, status: number, text: string, ms: number): void {
    if (ms > 5_000) this.failures.push(`${label}: took ${Math.round(ms)} ms`);
    if (e.tag === 'loki') {
      // Loki's push answers errors as text, as Loki does (docs/api.md#loki-push).
      if (status >= 500) this.failures.push(`${label}: ${text.slice(0, 200)}`);
      else if (status >= 400 && !text.trim()) this.failures.push(`${label}: an error without a message`);
      return;
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      if (!e.produces || status >= 400) this.failures.push(`${label}: not JSON: ${text.slice(0, 80)}`);
    }
    // A query whose `timeout` (1ms, say) ran out answers 503 `timeout`, as Prometheus does (docs/api.md#prometheus-query-api).
    const timedOut = status === 503 && (body as { errorType?: unknown } | null)?.errorType === 'timeout';
    if (status >= 500 && !(timedOut && e.path.startsWith('/prometheus/')))
      this.failures.push(`${label}: ${text.slice(0, 200)}`);
    else if (status >= 400 && e.path.startsWith('/prometheus/')) {
      // The Prometheus query API answers in Prometheus's own error envelope (docs/api.md#prometheus-query-api).
      const parsed = promErrorEnvelope.safeParse(body);
      if (!parsed.success || !parsed.data.error.trim())
        this.failures.push(`${label}: bad Prometheus error envelope ${text.slice(0, 200)}`);
    } else if (status >= 400 && e.tag === 'otlp' && e.method === 'POST') {
      // OTLP answers errors with its own google.rpc.Status, not Lookout's envelope (docs/api.md#otlp).
      const st = body as { code?: unknown; message?: unknown } | null;
      if (typeof st?.code !== 'number' || typeof st.message !== 'string' || !st.message.trim())
        this.failures.push(`${label}: bad google.rpc.Status ${text.slice(0, 200)}`);
    } else if (status >= 400 && e.tag === 'elasticsearch') {
      // Elasticsearch's routes answer in Elasticsearch's error shape, which its clients read (docs/intake.md).
      const err = (body as { error?: { type?: unknown; reason?: unknown } } | null)?.error;
      if (typeof err?.type !== 'string' || typeof err.reason !== 'string' || !err.reason.trim())
        this.failures.push(`${label}: bad Elasticsearch error ${text.slice(0, 200)}`);
    } else if (status >= 400) {
      const err = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
      if (
        typeof err?.code !== 'string' ||
        !/^[a-z][a-z0-9_]*$/.test(err.code) ||
        typeof err.message !== 'string' ||
        !err.message.trim()
      ) {
        this.failures.push(`${label}: bad error envelope ${text.slice(0, 200)}`);
      }
    } else if (e.response && status !== 204 && !e.produces) {
      const parsed = e.response.safeParse(body);
      if (!parsed.success)
        this.failures.push(
          `${label}: answer does not match its documented schema: ${parsed.error.message.slice(0, 300)}`,
        );
    }
  }
}
