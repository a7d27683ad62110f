import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';

import type { LlmApi } from './target-types';

const MAX_STREAM_BYTES = 64 * 1024;
const MAX_ERROR_BYTES = 4 * 1024;

export interface StreamRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  api: LlmApi;
  signal: AbortSignal;
}

export interface StreamResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Milliseconds from sending to the first content event (Anthropic content_block_delta, OpenAI delta content). */
  ttftMs: number | null;
  /** A non-2xx answer's error message (`error.message` of either API's error body), or its text. */
  errorText: string | null;
  /** The stream reached its end marker (message_stop, [DONE]) or the server closed it. */
  complete: boolean;
}

/** True when one SSE event is the first sign of generated content. */
function isContent(api: LlmApi, event: string | null, data: string): boolean {
  if (api === 'anthropic') return event === 'content_block_delta' || data.includes('"type":"content_block_delta"');
  if (data === '[DONE]') return false;
  try {
    const chunk = JSON.parse(data) as { choices?: { delta?: { content?: unknown } }[] };
    const content = chunk.choices?.[0]?.delta?.content;
    return typeof content === 'string' && content.length > 0;
  } catch {
    return false;
  }
}

const isEnd = (api: LlmApi, event: string | null, data: string) =>
  api === 'anthropic' ? event === 'message_stop' || data.includes('"type":"message_stop"') : data === '[DONE]';

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown };
    if (typeof body.error === 'object' && typeof body.error?.message === 'string') return body.error.message;
    if (typeof body.error === 'string') return body.error;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: the text itself
  }
  return text.trim().replace(/\s+/g, ' ').slice(0, 200);
}

/** POSTs one streaming completion and reads its server-sent events until the end marker, timing the first content. */
export function streamCompletion(r: StreamRequest): Promise<StreamResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const isHttps = r.url.protocol === 'https:';
    const req = (isHttps ? https : http).request(r.url, {
      method: 'POST',
      headers: {
        'user-agent': 'Lookout',
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'content-length': String(Buffer.byteLength(r.body)),
        ...r.headers,
      },
      signal: r.signal,
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      let text = '';
      let bytes = 0;
      let ttftMs: number | null = null;
      let event: string | null = null;
      let settled = false;
      const finish = (complete: boolean) => {
        if (settled) return;
        settled = true;
        res.destroy();
        resolve({ status, headers: res.headers, ttftMs, errorText: ok ? null : errorMessage(text), complete });
      };
      const onLine = (line: string) => {
        if (line === '') event = null;
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) {
          const data = line.slice(5).trim();
          if (ttftMs === null && isContent(r.api, event, data)) ttftMs = performance.now() - started;
          if (isEnd(r.api, event, data)) finish(true);
        }
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        bytes += Buffer.byteLength(chunk);
        if (!ok) {
          if (text.length < MAX_ERROR_BYTES) text += chunk;
          return;
        }
        text += chunk;
        let nl = text.indexOf('\n');
        while (nl >= 0 && !settled) {
          onLine(text.slice(0, nl).replace(/\r$/, ''));
          text = text.slice(nl + 1);
          nl = text.indexOf('\n');
        }
        if (bytes > MAX_STREAM_BYTES) finish(false);
      });
      res.on('end', () => finish(ok));
      res.on('error', reject);
      res.on('close', () => finish(false));
    });
    req.end(r.body);
  });
}
