import { statusSlugForHost } from './hosts';
import { gzipOf, htmlKey, peekRendered } from './public-cache';
import { takePublicToken } from './rate-limit';
import type { Theme } from './render-page';
import { matchesEtag, publicHeaders } from './serve-public';

export interface FastAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

type RawHeaders = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/**
 * A status page already rendered in the last 10 s, answered by scripts/start.mjs before Next sees the
 * request (Next's routing and compression cost ~2 ms of CPU each; docs/status-pages.md#caching-and-limits).
 * Null lets Next answer: any other path, a query other than `theme`, or nothing cached yet.
 */
export function fastStatusAnswer(method: string, url: string, headers: RawHeaders, remote: string): FastAnswer | null {
  if (method !== 'GET') return null;
  const m = /^\/(?:status\/([a-z0-9-]{1,64}))?(?:\?theme=(light|dark))?$/.exec(url);
  if (!m) return null;
  const slug = m[1] ?? (url === '/' || url.startsWith('/?') ? statusSlugForHost(one(headers.host) ?? null) : null);
  if (!slug) return null;
  const entry = peekRendered(htmlKey(slug, (m[2] as Theme) ?? null));
  if (!entry) return null;
  const hops = (one(headers['x-forwarded-for']) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const wait = takePublicToken(hops.at(-1) ?? remote);
  const base = { 'referrer-policy': 'same-origin', vary: 'accept-encoding' };
  if (wait)
    return {
      status: 429,
      headers: {
        ...base,
        'content-type': 'application/json',
        'retry-after': String(wait),
        'cache-control': 'no-store',
      },
      body: new TextEncoder().encode(
        JSON.stringify({ error: { code: 'rate_limited', message: 'too many requests; try again shortly' } }),
      ),
    };
  const h = { ...base, ...publicHeaders(entry, 'public') };
  if (matchesEtag(one(headers['if-none-match']), entry)) return { status: 304, headers: h, body: null };
  if (/\bgzip\b/.test(one(headers['accept-encoding']) ?? ''))
    return { status: 200, headers: { ...h, 'content-encoding': 'gzip' }, body: gzipOf(entry) };
  return { status: 200, headers: h, body: entry.body };
}

const KEY = Symbol.for('lookout.status-fast-path');
(globalThis as { [KEY]?: typeof fastStatusAnswer })[KEY] = fastStatusAnswer;
