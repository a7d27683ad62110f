import http from 'node:http';
import https from 'node:https';
import type { Clock } from '../clock';

export type RetryOptions = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  timeoutMs: number;
  /** A Retry-After longer than this ends the retries (the next flush will try again). */
  maxRetryAfterMs: number;
  random: () => number;
  /** Defaults to the clock's timers; tests against a real server pass a real sleep. */
  sleep?: (ms: number) => Promise<void>;
};

export const DEFAULT_RETRY: RetryOptions = {
  maxAttempts: 5,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
  maxRetryAfterMs: 120_000,
  random: Math.random,
};

export type PostResult = { ok: boolean; attempts: number; status: number | null; error: string | null };

type Attempt = { status: number | null; retryAfter: string | null; error: string | null };

/** Errors say what happened without the URL: webhook URLs are secrets. */
function describeNetworkError(err: NodeJS.ErrnoException, timeoutMs: number): string {
  if (err.message === 'timeout') return `timeout after ${timeoutMs / 1000}s`;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'DNS lookup failed',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    CERT_HAS_EXPIRED: 'TLS certificate has expired',
  };
  return (err.code && known[err.code]) ?? `network error${err.code ? ` (${err.code})` : ''}`;
}

/** One HTTP request as a receiver's API expects it: body, content type, extra headers (e.g. auth). */
export type HttpRequest = {
  method?: 'POST' | 'PUT';
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** 4xx statuses this service documents as transient (Alertmanager's per-notifier RetryCodes); 429 always is. */
  retryCodes?: number[];
};

function postOnce(url: string, req0: HttpRequest, timeoutMs: number): Promise<Attempt> {
  const body = req0.body;
  return new Promise((resolve) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      resolve({ status: null, retryAfter: null, error: 'invalid URL' });
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      resolve({ status: null, retryAfter: null, error: 'URL must be http or https' });
      return;
    }
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(
      u,
      {
        method: req0.method ?? 'POST',
        headers: {
          'content-type': req0.contentType ?? 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Lookout',
          ...req0.headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const ra = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: typeof ra === 'string' ? ra : null, error: null });
        });
        res.on('error', (e: NodeJS.ErrnoException) =>
          resolve({ status: null, retryAfter: null, error: describeNetworkError(e, timeoutMs) }),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ status: null, retryAfter: null, error: describeNetworkError(e, timeoutMs) }),
    );
    req.end(body);
  });
}

export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Full-jitter exponential backoff: uniform in [0, min(max, base·2^(n-1))]. */
export function backoffDelay(attempt: number, o: RetryOptions): number {
  return Math.round(o.random() * Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1)));
}

/** POSTs JSON, retrying 5xx and network errors with backoff and 429 after Retry-After; 4xx is final. */
export function postJsonWithRetry(
  url: string,
  payload: unknown,
  clock: Clock,
  opts: Partial<RetryOptions> = {},
): Promise<PostResult> {
  return postWithRetry(url, { body: JSON.stringify(payload) }, clock, opts);
}

/** What one try of a non-HTTP send (SMTP) reports to {@link sendWithRetry}. */
export type TryResult = { ok: boolean; retry: boolean; error: string | null; status?: number | null };

/** Tries `once` up to maxAttempts times with full-jitter backoff while it asks to be retried. */
export async function sendWithRetry(
  once: () => Promise<TryResult>,
  clock: Clock,
  opts: Partial<RetryOptions> = {},
): Promise<PostResult> {
  const o = { ...DEFAULT_RETRY, ...opts };
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => clock.setTimeout(r, ms)));
  let last: TryResult = { ok: false, retry: false, error: 'not attempted' };
  let attempts = 0;
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    attempts = attempt;
    last = await once();
    if (last.ok) return { ok: true, attempts, status: last.status ?? null, error: null };
    if (!last.retry || attempt === o.maxAttempts) break;
    await sleep(backoffDelay(attempt, o));
  }
  return { ok: false, attempts, status: last.status ?? null, error: last.error ?? 'unknown error' };
}

/** POSTs a body, retrying 5xx, network errors and `retryCodes` with backoff and 429 after Retry-After; other 4xx are final. */
export async function postWithRetry(
  url: string,
  request: HttpRequest,
  clock: Clock,
  opts: Partial<RetryOptions> = {},
): Promise<PostResult> {
  const o = { ...DEFAULT_RETRY, ...opts };
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => clock.setTimeout(r, ms)));
  const retryCodes = new Set([429, ...(request.retryCodes ?? [])]);
  let last: Attempt = { status: null, retryAfter: null, error: 'not attempted' };
  let attempts = 0;
  for (let attempt = 1; attempt <= o.maxAttempts; attempt++) {
    attempts = attempt;
    last = await postOnce(url, request, o.timeoutMs);
    if (last.status !== null && last.status >= 200 && last.status < 300)
      return { ok: true, attempts: attempt, status: last.status, error: null };
    const badUrl = last.error === 'invalid URL' || last.error === 'URL must be http or https';
    const retryable = !badUrl && (last.status === null || last.status >= 500 || retryCodes.has(last.status));
    if (!retryable || attempt === o.maxAttempts) break;
    let delay = backoffDelay(attempt, o);
    if (last.status === 429) {
      const ra = parseRetryAfter(last.retryAfter, clock.now());
      if (ra !== null && ra > o.maxRetryAfterMs) {
        return {
          ok: false,
          attempts: attempt,
          status: 429,
          error: `HTTP 429; Retry-After ${Math.round(ra / 1000)}s is beyond the retry limit`,
        };
      }
      if (ra !== null) delay = ra;
    }
    await sleep(delay);
  }
  const error = last.status !== null ? `HTTP ${last.status}` : (last.error ?? 'unknown error');
  return { ok: false, attempts, status: last.status, error };
}
