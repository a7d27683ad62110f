import type { TargetType } from './target-types';

export interface Address {
  host: string;
  port: number;
}

const SCHEMES: Partial<Record<TargetType, { scheme: string; defaultPort: number | null; example: string }>> = {
  tcp: { scheme: 'tcp:', defaultPort: null, example: 'tcp://db.internal:5432' },
  tls: { scheme: 'tls:', defaultPort: 443, example: 'tls://example.com:443' },
  icmp: { scheme: 'icmp:', defaultPort: 0, example: 'icmp://example.com' },
};

const bare = (host: string) => host.replace(/^\[(.*)\]$/, '$1');

/** The host and port of a tcp://, tls:// or icmp:// url, or why it is not one. */
export function parseAddress(url: string, type: TargetType): Address | string {
  const want = SCHEMES[type];
  if (!want) return `${type} targets have no address url`;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `url must look like ${want.example}`;
  }
  if (u.protocol !== want.scheme || !u.hostname || (u.pathname !== '' && u.pathname !== '/') || u.search) {
    return `url must look like ${want.example}`;
  }
  if (type === 'icmp' && u.port) return `url must look like ${want.example} (no port: ping has none)`;
  const port = u.port ? Number(u.port) : want.defaultPort;
  if (port === null) return `url needs a port, like ${want.example}`;
  return { host: bare(u.hostname), port };
}

/** `127.0.0.1:5353`, `[::1]:53`, `1.1.1.1` (port 53) → host and port, or null. */
export function parseServer(server: string): Address | null {
  const m = /^(?:\[([^\]]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(server.trim());
  if (!m) return null;
  const port = m[3] === undefined ? 53 : Number(m[3]);
  if (port < 1 || port > 65_535) return null;
  return { host: m[1] ?? m[2], port };
}
