import { performance } from 'node:perf_hooks';
import type { Clock } from '@/lib/clock';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { domainExpiry } from './domain-expiry';
import { formatTimeout } from './probe-errors';
import { type Handshake, tlsHandshake } from './tls-handshake';
import type { ProbeResult, TlsSpec } from './types';

/** One TLS check: handshake, chain and name verified (unless insecure_skip_verify), earliest expiry exported. */
export async function runTlsProbe(spec: TlsSpec, clock: Clock): Promise<ProbeResult> {
  const ts = clock.now();
  const domain = spec.domain ? domainExpiry(spec.domain, ts) : null;
  const started = performance.now();
  const out: Handshake = { connected: false, expiry: null, untrusted: null, error: null };
  const hs = await withDeadline(
    spec.timeoutMs,
    (signal) => tlsHandshake(spec, signal, out),
    () => ({ ...out, error: `timeout after ${formatTimeout(spec.timeoutMs)}` }),
  );
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  let error = hs.error ?? (spec.insecureSkipVerify ? null : hs.untrusted);
  if (!error && hs.expiry === null) error = 'TLS error: the server sent no certificate';
  const certExpiresInMs = hs.expiry === null ? undefined : hs.expiry - clock.now();
  if (!error && spec.conditions.length === 0 && certExpiresInMs !== undefined && certExpiresInMs <= 0) {
    error = 'TLS error: certificate has expired';
  }
  const known = domain ? await domain : null;
  const domainExpiresInMs = known?.expiry == null ? undefined : known.expiry - clock.now();
  if (!error && spec.conditions.length === 0 && domainExpiresInMs !== undefined && domainExpiresInMs <= 0)
    error = `domain ${spec.domain} has expired`;
  if (!error)
    error = firstFailure(spec.conditions, {
      latencyMs,
      connected: true,
      certExpiresInMs,
      domainExpiresInMs,
      domainError: known?.error ?? undefined,
    });
  const metrics: Record<string, number> = {};
  if (hs.expiry !== null) metrics.probe_ssl_earliest_cert_expiry = hs.expiry / 1000;
  if (known?.expiry != null) metrics.probe_domain_expiry = known.expiry / 1000;
  return {
    ts,
    up: error === null,
    statusCode: null,
    latencyMs,
    error,
    gauges: {},
    answered: hs.connected,
    ...(Object.keys(metrics).length > 0 && { metrics }),
  };
}
