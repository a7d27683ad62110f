import net from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import type { Clock } from '@/lib/clock';
import { earliestExpiry } from './cert-chain';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { describeError, formatTimeout } from './probe-errors';
import type { ProbeResult, TlsSpec } from './types';

interface Handshake {
  connected: boolean;
  expiry: number | null;
  /** Why the chain or name is not trusted (a short reason), null when it is. */
  untrusted: string | null;
  error: string | null;
}

function handshake(spec: TlsSpec, signal: AbortSignal, out: Handshake): Promise<Handshake> {
  return new Promise((resolve) => {
    // Verification is judged here, not by Node, so the expiry is read even from a chain that fails it.
    const socket = tls.connect({
      host: spec.host,
      port: spec.port,
      servername: net.isIP(spec.host) ? undefined : spec.host,
      rejectUnauthorized: false,
      ...(spec.ca && { ca: [...tls.rootCertificates, ...spec.ca] }),
    });
    const done = (error: string | null) => {
      out.error = error;
      socket.destroy();
      resolve(out);
    };
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.on('error', (err) => done(describeError(err, spec.host)));
    socket.on('secureConnect', () => {
      out.connected = true;
      out.expiry = earliestExpiry(socket);
      if (!socket.authorized) {
        const code = String(socket.authorizationError ?? 'UNKNOWN');
        out.untrusted = describeError({ code }, spec.host);
      }
      done(null);
    });
  });
}

/** One TLS check: handshake, chain and name verified (unless insecure_skip_verify), earliest expiry exported. */
export async function runTlsProbe(spec: TlsSpec, clock: Clock): Promise<ProbeResult> {
  const ts = clock.now();
  const started = performance.now();
  const out: Handshake = { connected: false, expiry: null, untrusted: null, error: null };
  const hs = await withDeadline(
    spec.timeoutMs,
    (signal) => handshake(spec, signal, out),
    () => ({ ...out, error: `timeout after ${formatTimeout(spec.timeoutMs)}` }),
  );
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  let error = hs.error ?? (spec.insecureSkipVerify ? null : hs.untrusted);
  if (!error && hs.expiry === null) error = 'TLS error: the server sent no certificate';
  const certExpiresInMs = hs.expiry === null ? undefined : hs.expiry - clock.now();
  if (!error && spec.conditions.length === 0 && certExpiresInMs !== undefined && certExpiresInMs <= 0) {
    error = 'TLS error: certificate has expired';
  }
  if (!error) error = firstFailure(spec.conditions, { latencyMs, connected: true, certExpiresInMs });
  return {
    ts,
    up: error === null,
    statusCode: null,
    latencyMs,
    error,
    gauges: {},
    answered: hs.connected,
    ...(hs.expiry !== null && { metrics: { probe_ssl_earliest_cert_expiry: hs.expiry / 1000 } }),
  };
}
