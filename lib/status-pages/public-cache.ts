import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** How long a rendered public answer is reused: a crowd of visitors costs one render per page per TTL. */
export const PUBLIC_TTL_MS = 10_000;
const MAX_ENTRIES = 500;

export interface Rendered {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
  at: number;
  /** Made on first use by the fast path (scripts/start.mjs), once per render. */
  gzip?: Uint8Array<ArrayBuffer>;
}

const KEY = Symbol.for('lookout.status-cache');
type Holder = { [KEY]?: Map<string, Rendered> };

function cache(): Map<string, Rendered> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** The cached answer for `key`, or renders it (null: nothing to show, not cached). */
export function rendered(key: string, contentType: string, render: () => string | null): Rendered | null {
  const now = performance.now();
  const hit = cache().get(key);
  if (hit && now - hit.at < PUBLIC_TTL_MS) return hit;
  const text = render();
  if (text === null) return null;
  const body = new TextEncoder().encode(text);
  const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
  const entry = { body, etag, contentType, at: now };
  if (cache().size >= MAX_ENTRIES) cache().clear();
  cache().set(key, entry);
  return entry;
}

/** A fresh entry without rendering, or null. */
export function peekRendered(key: string): Rendered | null {
  const hit = cache().get(key);
  return hit && performance.now() - hit.at < PUBLIC_TTL_MS ? hit : null;
}

export function gzipOf(entry: Rendered): Uint8Array<ArrayBuffer> {
  entry.gzip ??= new Uint8Array(gzipSync(entry.body, { level: 6 }));
  return entry.gzip;
}

export function forgetRendered(): void {
  cache().clear();
}

/** The page's HTML holds no absolute URL, so one render serves every host name (and the fast path). */
export function htmlKey(
  slug: string,
  theme: 'light' | 'dark' | null,
  format: 'html' | 'json' | 'atom' | 'rss' = 'html',
  origin = '',
): string {
  return format === 'html' ? `page:${slug}:html:${theme}` : `page:${slug}:${format}:${origin}`;
}
