// Host name → slug of the pages served at `/` for that Host (docs/status-pages.md#custom-domains).
// proxy.ts runs in its own bundle, so the map lives on globalThis and this file imports nothing.
const KEY = Symbol.for('lookout.status-hosts');
type Holder = { [KEY]?: Map<string, string> };

export function setStatusHosts(hosts: Map<string, string>): void {
  (globalThis as Holder)[KEY] = hosts;
}

/** The slug served at `/` for a Host header (port ignored), or null. */
export function statusSlugForHost(hostHeader: string | null): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, '');
  return (globalThis as Holder)[KEY]?.get(host) ?? null;
}
