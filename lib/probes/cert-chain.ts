import type { PeerCertificate, TLSSocket } from 'node:tls';

type Chained = PeerCertificate & { issuerCertificate?: Chained };

/** The earliest `notAfter` (epoch ms) of the chain the server sent, or null without a certificate. */
export function earliestExpiry(socket: TLSSocket): number | null {
  let cert = socket.getPeerCertificate(true) as Chained | undefined;
  if (!cert?.valid_to) return null;
  let earliest = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  // A self-signed root is its own issuer: stop at a certificate already seen.
  while (cert?.valid_to && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    const t = Date.parse(cert.valid_to);
    if (Number.isFinite(t)) earliest = Math.min(earliest, t);
    cert = cert.issuerCertificate;
  }
  return Number.isFinite(earliest) ? earliest : null;
}
