import { PROVIDERS } from './catalog';
import { upstreamReason } from './format-v1';
import { logrusLine } from './logrus';
import type { SimRequest } from './request-gen';

/** v0 writes `duration` on http_request lines as integer milliseconds. */
export function v0DurationMs(durationUs: number): number {
  return Math.round(durationUs / 1000);
}

export function v0StartupLine(timeMs: number, port: number): string {
  return logrusLine(timeMs, 'info', `Starting CCProxy server on :${port}`);
}

const API_ACTION = { msg: 'API action', type: 'api_action' } as const;

function action(timeMs: number, name: string, requestId: string, fields: Record<string, string | number>): string {
  return logrusLine(timeMs, 'info', API_ACTION.msg, {
    ...fields,
    action: name,
    request_id: requestId,
    type: API_ACTION.type,
  });
}

function errorLines(req: SimRequest, atMs: number): string[] {
  const display = PROVIDERS.find((p) => p.name === req.provider)?.displayName ?? req.provider;
  if (req.failure === 'transport') {
    return [
      logrusLine(atMs, 'error', `Failed to call ${req.provider} API`, {
        error: `${req.provider} provider error: dial tcp: connection refused`,
        request_id: 'unknown',
      }),
    ];
  }
  const body = JSON.stringify({ error: { message: upstreamReason(req.status), code: req.status } });
  return [
    logrusLine(atMs, 'error', `${display} API returned error`, {
      request_id: 'unknown',
      response_body: body,
      status_code: req.status,
    }),
    logrusLine(atMs, 'error', `Failed to call ${req.provider} API`, {
      error: `${req.provider} provider error: HTTP ${req.status}: ${body}`,
      request_id: 'unknown',
    }),
  ];
}

/** Every line one request produces; anthropic_request, anthropic_response and http_request share the real id. */
export function v0RequestLines(req: SimRequest, requestId: string): string[] {
  const totalMs = v0DurationMs(req.durationUs);
  const startMs = req.endMs - totalMs;
  const shape = { max_tokens: req.maxTokens, messages: req.messages, tools: req.tools };
  const lines = [
    action(startMs, 'anthropic_request', requestId, { ...shape, model: req.clientModel, provider: req.provider }),
    action(startMs, `${req.provider}_request`, 'unknown', { ...shape, model: req.model }),
  ];
  if (req.failure === 'client') {
    // A malformed request is rejected before any provider is called.
    lines.pop();
  } else if (req.failure !== null) {
    lines.push(...errorLines(req, req.endMs));
  } else {
    const providerMs = Math.max(1, totalMs - 3);
    lines.push(
      action(req.endMs, `${req.provider}_response`, 'unknown', {
        completion_tokens: req.outputTokens,
        duration_ms: providerMs,
        finish_reason: 'stop',
        prompt_tokens: req.inputTokens,
        total_tokens: req.inputTokens + req.outputTokens,
      }),
      action(req.endMs, 'anthropic_response', requestId, {
        content_blocks: 1,
        input_tokens: req.inputTokens,
        output_tokens: req.outputTokens,
        stop_reason: 'end_turn',
      }),
    );
  }
  lines.push(
    logrusLine(req.endMs, req.status >= 400 ? 'error' : 'info', 'HTTP request completed', {
      duration: totalMs,
      method: 'POST',
      path: '/v1/messages',
      request_id: requestId,
      status: req.status,
      type: 'http_request',
    }),
  );
  return lines;
}
