import { CCPROXY_VERSION, PROVIDERS } from './catalog';
import { logrusLine } from './logrus';
import type { SimRequest } from './request-gen';
import type { ServedRequest } from './server';

/** v1 writes `duration` as float seconds; microsecond precision like Go's Duration.Seconds(). */
export function v1DurationSeconds(durationUs: number): number {
  return durationUs / 1e6;
}

export function v1StartupLine(timeMs: number, port: number, version = CCPROXY_VERSION): string {
  return logrusLine(timeMs, 'info', 'CCProxy started', { port, type: 'startup', version });
}

export function v1ProviderUnhealthyLine(timeMs: number, provider: string, failures: number, cause: string): string {
  return logrusLine(timeMs, 'warning', `Provider ${provider} marked unhealthy after ${failures} failures: ${cause}`);
}

export function failureCause(req: SimRequest): string {
  return req.failure === 'transport' ? 'dial tcp: connection refused' : `server error: ${req.status}`;
}

const REASONS: Record<number, string> = {
  429: 'rate limit exceeded',
  500: 'internal server error',
  503: 'service unavailable',
};

export function upstreamReason(status: number): string {
  return REASONS[status] ?? 'upstream error';
}

/**
 * Every line one request produces, in file order. CCProxy writes the request and
 * response lines after completion, so both carry the completion time.
 */
export function v1RequestLines(req: SimRequest): string[] {
  const startMs = req.endMs - Math.round(req.durationUs / 1000);
  const spec = PROVIDERS.find((p) => p.name === req.provider);
  const lines: string[] = [];
  if (req.tokenCountNoise) {
    lines.push(
      logrusLine(startMs, 'error', 'Failed to count tokens in router middleware', {
        error: 'count_tokens: tokenizer unavailable: dial tcp: lookup api.anthropic.com: no such host',
      }),
    );
  }
  lines.push(
    logrusLine(
      startMs,
      'info',
      `Routed to provider=${req.provider}, model=${req.model}, tokens=${req.inputTokens}, strategy=${req.strategy}`,
    ),
  );
  if (req.streamedEvents !== null)
    lines.push(logrusLine(req.endMs, 'info', `Streamed ${req.streamedEvents} events to client`));
  if (req.failure === 'transport') {
    const endpoint = spec?.endpoint ?? req.provider;
    lines.push(
      logrusLine(
        req.endMs,
        'error',
        `Pipeline processing failed: provider request failed: Post "${endpoint}": dial tcp: connection refused`,
      ),
    );
  } else if (req.failure === 'upstream') {
    const name = spec?.displayName ?? req.provider;
    lines.push(
      logrusLine(
        req.endMs,
        'error',
        `Pipeline processing failed: provider request failed: ${name} API error (status ${req.status}): ${upstreamReason(req.status)}`,
      ),
    );
  }
  const served = {
    method: 'POST',
    path: '/v1/messages',
    status: req.status,
    size: req.responseSize,
    durationUs: req.durationUs,
    clientIp: '127.0.0.1',
    userAgent: req.userAgent,
  };
  return [...lines, ...v1ServedLines(served, req.endMs)];
}

/** The request/response pair CCProxy's logging middleware writes for any HTTP request, /health included. */
export function v1ServedLines(r: ServedRequest, endMs: number): string[] {
  const ok = r.status < 400;
  return [
    logrusLine(endMs, 'info', 'HTTP request received', {
      client_ip: r.clientIp,
      method: r.method,
      path: r.path,
      type: 'request',
      user_agent: r.userAgent,
    }),
    logrusLine(endMs, ok ? 'info' : 'error', ok ? 'HTTP response sent' : 'HTTP response error', {
      duration: v1DurationSeconds(r.durationUs),
      size: r.size,
      status: r.status,
      type: 'response',
    }),
  ];
}
