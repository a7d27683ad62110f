import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Clock } from '@/lib/clock';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { describeError, formatTimeout } from './probe-errors';
import { negotiateStarttls } from './starttls';
import { type Handshake, tlsHandshake } from './tls-handshake';
import type { ProbeResult, TcpSpec } from './types';

type StarttlsSpec = TcpSpec & { starttls: NonNullable<TcpSpec['starttls']> };

interface Outcome extends Handshake {
  /** The plain TCP connection was made (before any STARTTLS). */
  tcp: boolean;
}

function exchange(spec: StarttlsSpec, signal: AbortSignal, out: Outcome): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: spec.host, port: spec.port });
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    const fail = (error: string) => {
      out.error = error;
      socket.destroy();
      resolve(out);
    };
    const onError = (err: Error) => fail(describeError(err, spec.host));
    socket.on('error', onError);
    socket.on('connect', async () => {
      out.tcp = true;
      try {
        await negotiateStarttls(spec.starttls, socket);
      } catch (err) {
        return fail((err as Error).message);
      }
      // From here the TLS socket reports errors; the plain one's are the same failure, already handled.
      socket.off('error', onError);
      socket.on('error', () => {});
      await tlsHandshake({ ...spec, socket }, signal, out);
      resolve(out);
    });
  });
}

/** A tcp check with STARTTLS: the protocol's upgrade, then a TLS check like `type: tls` (docs/monitors.md#tcp). */
export async function runStarttlsProbe(spec: StarttlsSpec, clock: Clock): Promise<ProbeResult> {
  const ts = clock.now();
  const started = performance.now();
  const out: Outcome = { tcp: false, connected: false, expiry: null, untrusted: null, error: null };
  const hs = await withDeadline(
    spec.timeoutMs,
    (signal) => exchange(spec, signal, out),
    () => ({ ...out, error: `timeout after ${formatTimeout(spec.timeoutMs)}` }),
  );
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  let error = hs.error ?? (spec.insecureSkipVerify ? null : hs.untrusted);
  if (!error && hs.expiry === null) error = 'TLS error: the server sent no certificate';
  const certExpiresInMs = hs.expiry === null ? undefined : hs.expiry - clock.now();
  if (!error && spec.conditions.length === 0 && certExpiresInMs !== undefined && certExpiresInMs <= 0)
    error = 'TLS error: certificate has expired';
  if (!error) error = firstFailure(spec.conditions, { latencyMs, connected: true, certExpiresInMs });
  return {
    ts,
    up: error === null,
    statusCode: null,
    latencyMs,
    error,
    gauges: {},
    answered: hs.tcp,
    metrics: {
      probe_tcp_connected: hs.tcp ? 1 : 0,
      ...(hs.expiry !== null && { probe_ssl_earliest_cert_expiry: hs.expiry / 1000 }),
    },
  };
}
