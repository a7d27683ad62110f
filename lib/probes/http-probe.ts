import { performance } from 'node:perf_hooks';
import type { Clock } from '@/lib/clock';
import { defaultConditionFailure, firstFailure, type ProbeResponse } from './conditions';
import { extractGauges } from './gauges';
import { type RawResponse, requestOnce } from './http-request';
import { describeError, formatTimeout } from './probe-errors';
import type { HttpSpec, ProbeResult } from './types';

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

type Exchange = { ok: true; res: RawResponse } | { ok: false; error: string; status: number | null };
interface Progress {
  status: number | null;
}

async function exchange(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | null,
  signal: AbortSignal,
  progress: Progress,
  insecureSkipVerify: boolean,
) {
  const send = () =>
    requestOnce({ url, method, headers, body, signal, insecureSkipVerify, onStatus: (s) => (progress.status = s) });
  try {
    return await send();
  } catch (err) {
    // A pooled socket the server closed while idle fails at once; one retry on a fresh socket is not a real outage.
    const reused = (err as { reusedSocket?: boolean }).reusedSocket === true;
    if (reused && !signal.aborted && describeError(err, url.hostname) === 'connection reset') return send();
    throw err;
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase())));
}

async function follow(spec: HttpSpec, signal: AbortSignal, progress: Progress): Promise<Exchange> {
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    return { ok: false, error: 'invalid URL', status: null };
  }
  let method = spec.method.toUpperCase() || 'GET';
  let body = spec.body;
  let headers = spec.headers;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return { ok: false, error: `unsupported protocol ${url.protocol}`, status: progress.status };
    }
    let res: RawResponse;
    try {
      res = await exchange(url, method, headers, body, signal, progress, spec.insecureSkipVerify === true);
    } catch (err) {
      return { ok: false, error: describeError(err, url.hostname), status: null };
    }
    if (!REDIRECT_STATUSES.has(res.status) || res.location === null) return { ok: true, res };
    if (hop >= MAX_REDIRECTS)
      return { ok: false, error: `too many redirects (more than ${MAX_REDIRECTS})`, status: res.status };
    let next: URL;
    try {
      next = new URL(res.location, url);
    } catch {
      return { ok: false, error: 'invalid redirect location', status: res.status };
    }
    // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (
      (res.status === 303 && method !== 'HEAD') ||
      ((res.status === 301 || res.status === 302) && method === 'POST')
    ) {
      method = 'GET';
      body = null;
    }
    if (next.origin !== url.origin) headers = withoutCredentials(headers);
    url = next;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function judge(spec: HttpSpec, response: ProbeResponse & { status: number }): string | null {
  if (spec.conditions.length === 0) return defaultConditionFailure(response.status);
  return firstFailure(spec.conditions, response);
}

/**
 * Runs one check. Always resolves, within timeoutMs plus a few ms: a hard timer settles the result and
 * aborts the request whatever phase (DNS, connect, TLS, headers, body) it is stuck in.
 */
export async function runHttpProbe(spec: HttpSpec, clock: Clock): Promise<ProbeResult> {
  const ts = clock.now();
  const started = performance.now();
  const timeoutMs = spec.timeoutMs > 0 ? spec.timeoutMs : 10_000;
  const controller = new AbortController();
  const progress: Progress = { status: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A real timer, not the injected clock: network I/O runs in real time even when tests fake the clock.
  const deadline = new Promise<Exchange>((resolve) => {
    timer = setTimeout(() => {
      resolve({ ok: false, error: `timeout after ${formatTimeout(timeoutMs)}`, status: progress.status });
      controller.abort();
    }, timeoutMs);
  });
  const outcome = await Promise.race([follow(spec, controller.signal, progress), deadline]);
  clearTimeout(timer);
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  if (!outcome.ok) return { ts, up: false, statusCode: outcome.status, latencyMs, error: outcome.error, gauges: {} };

  const { res } = outcome;
  const bodyText = res.body.toString('utf8');
  // A body over the cap was not read to the end, so it is not JSON as far as conditions go.
  const json = res.truncated ? undefined : parseJson(bodyText);
  const certExpiresInMs = res.certExpiry === null ? undefined : res.certExpiry - clock.now();
  const error = judge(spec, { status: res.status, latencyMs, json, bodyText, connected: true, certExpiresInMs });
  const gauges = json !== undefined ? extractGauges(json) : {};
  const metrics = res.certExpiry === null ? undefined : { probe_ssl_earliest_cert_expiry: res.certExpiry / 1000 };
  return { ts, up: error === null, statusCode: res.status, latencyMs, error, gauges, metrics };
}
