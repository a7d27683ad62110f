import { rdapBase, rdapExpiry } from './rdap';

const FRESH_MS = 12 * 3_600_000;
const RETRY_MS = 3_600_000;
const LOOKUP_TIMEOUT_MS = 10_000;

type Known = { at: number; expiry: number; error: null } | { at: number; expiry: null; error: string };
const cache = new Map<string, Known>();
const pending = new Map<string, Promise<Known>>();

/** The domain a host is registered under: the last two labels (set `domain_expiry: example.co.uk` where that is wrong). */
export function registeredDomain(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').split('.').slice(-2).join('.');
}

/**
 * A domain's registration expiry, asked over RDAP at most every 12 hours (every hour after a
 * failure), since it changes once a year and registries rate-limit.
 */
export async function domainExpiry(domain: string, now: number): Promise<Known> {
  const known = cache.get(domain);
  if (known && now - known.at < (known.error ? RETRY_MS : FRESH_MS)) return known;
  let lookup = pending.get(domain);
  if (!lookup) {
    lookup = rdapExpiry(rdapBase(), domain, AbortSignal.timeout(LOOKUP_TIMEOUT_MS)).then(
      (expiry): Known => ({ at: now, expiry, error: null }),
      (err: Error): Known => ({ at: now, expiry: null, error: err.message }),
    );
    pending.set(domain, lookup);
  }
  const result = await lookup;
  pending.delete(domain);
  cache.set(domain, result);
  return result;
}

/** Forgets every answer (tests, and a changed RDAP server). */
export function clearDomainExpiryCache(): void {
  cache.clear();
}
