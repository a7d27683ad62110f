import type { RemoteWriteEndpoint } from './endpoint';

export type SendOutcome =
  | { kind: 'ok' }
  | { kind: 'retry'; error: string; retryAfterMs: number | null }
  | { kind: 'fail'; error: string };

const NETWORK: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  UND_ERR_SOCKET: 'connection closed',
};

function retryAfterOf(header: string | null): number | null {
  if (!header) return null;
  const s = Number(header);
  if (Number.isFinite(s)) return Math.max(0, s * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/**
 * One POST of a snappy-compressed WriteRequest with the spec's headers. As Prometheus's queue manager: 2xx is done,
 * 5xx, 429 (unless retry_on_http_429 is off) and network errors are retried, any other status is a failure for good.
 */
export async function sendBatch(
  e: RemoteWriteEndpoint,
  body: Buffer,
  userAgent: string,
  stop: AbortSignal,
): Promise<SendOutcome> {
  let res: Response;
  try {
    res = await fetch(e.url, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: {
        ...e.headers,
        'content-encoding': 'snappy',
        'content-type': 'application/x-protobuf',
        'user-agent': userAgent,
        'x-prometheus-remote-write-version': '0.1.0',
      },
      signal: AbortSignal.any([AbortSignal.timeout(e.timeoutMs), stop]),
      redirect: 'manual',
    });
  } catch (err) {
    const e2 = err as Error & { cause?: { code?: string } };
    if (e2.name === 'TimeoutError')
      return { kind: 'retry', error: `timeout after ${e.timeoutMs / 1000}s`, retryAfterMs: null };
    const code = e2.cause?.code;
    return {
      kind: 'retry',
      error: (code && NETWORK[code]) ?? `network error${code ? ` (${code})` : ''}`,
      retryAfterMs: null,
    };
  }
  const text = res.ok ? '' : (await res.text().catch(() => '')).trim().slice(0, 200);
  if (res.ok) {
    await res.arrayBuffer().catch(() => undefined);
    return { kind: 'ok' };
  }
  const error = `HTTP ${res.status}${text ? `: ${text}` : ''}`;
  if (res.status >= 500 || (res.status === 429 && e.retryOn429))
    return { kind: 'retry', error, retryAfterMs: retryAfterOf(res.headers.get('retry-after')) };
  return { kind: 'fail', error };
}
