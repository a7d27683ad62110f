/** RDAP's answer for a domain (RFC 9083): the registration's events, one of them its expiration. */
interface RdapDomain {
  events?: { eventAction?: unknown; eventDate?: unknown }[];
}

/** Where RDAP is asked: LOOKOUT_RDAP_URL, rdap.org by default, which redirects to the registry (docs/monitors.md#tls-certificates). */
export function rdapBase(env: NodeJS.ProcessEnv = process.env): string {
  return (env.LOOKOUT_RDAP_URL?.trim() || 'https://rdap.org').replace(/\/+$/, '');
}

/** The registration's expiry (epoch ms) from `${base}/domain/${domain}`; throws with a short reason. */
export async function rdapExpiry(base: string, domain: string, signal: AbortSignal): Promise<number> {
  let res: Response;
  try {
    res = await fetch(`${base}/domain/${encodeURIComponent(domain)}`, {
      headers: { accept: 'application/rdap+json, application/json' },
      redirect: 'follow',
      signal,
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new Error(`RDAP lookup of ${domain} failed (${cause ?? (err as Error).message})`);
  }
  if (res.status === 404) throw new Error(`RDAP: domain ${domain} not found`);
  if (!res.ok) throw new Error(`RDAP lookup of ${domain} failed (status ${res.status})`);
  let body: RdapDomain;
  try {
    body = (await res.json()) as RdapDomain;
  } catch {
    throw new Error(`RDAP answer for ${domain} is not JSON`);
  }
  const event = Array.isArray(body?.events) ? body.events.find((e) => e?.eventAction === 'expiration') : undefined;
  const at = typeof event?.eventDate === 'string' ? Date.parse(event.eventDate) : Number.NaN;
  if (!Number.isFinite(at)) throw new Error(`RDAP: no expiration date for ${domain}`);
  return at;
}
