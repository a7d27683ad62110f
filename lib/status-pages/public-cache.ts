import { createHash } from 'node:crypto';

/** How long a rendered public answer is reused: a crowd of visitors costs one render per page per TTL. */
export const PUBLIC_TTL_MS = 10_000;
const MAX_ENTRIES = 500;

export interface Rendered {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  contentType: string;
  at: number;
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

export function forgetRendered(): void {
  cache().clear();
}
