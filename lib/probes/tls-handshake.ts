import net from 'node:net';
import tls from 'node:tls';
import { earliestExpiry } from './cert-chain';
import { describeError } from './probe-errors';

export interface Handshake {
  connected: boolean;
  expiry: number | null;
  /** Why the chain or name is not trusted (a short reason), null when it is. */
  untrusted: string | null;
  error: string | null;
}

export interface HandshakeTarget {
  host: string;
  port: number;
  ca?: string[];
  /** An open connection to upgrade (STARTTLS) instead of connecting anew. */
  socket?: net.Socket;
}

/** A TLS handshake that reads the chain's earliest expiry and judges trust itself, filling `out` as it goes. */
export function tlsHandshake(t: HandshakeTarget, signal: AbortSignal, out: Handshake): Promise<Handshake> {
  return new Promise((resolve) => {
    // Verification is judged here, not by Node, so the expiry is read even from a chain that fails it.
    const socket = tls.connect({
      ...(t.socket ? { socket: t.socket } : { host: t.host, port: t.port }),
      servername: net.isIP(t.host) ? undefined : t.host,
      rejectUnauthorized: false,
      ...(t.ca && { ca: [...tls.rootCertificates, ...t.ca] }),
    });
    const done = (error: string | null) => {
      out.error = error;
      socket.destroy();
      resolve(out);
    };
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.on('error', (err) => done(describeError(err, t.host)));
    socket.on('secureConnect', () => {
      out.connected = true;
      out.expiry = earliestExpiry(socket);
      if (!socket.authorized) {
        const code = String(socket.authorizationError ?? 'UNKNOWN');
        out.untrusted = describeError({ code }, t.host);
      }
      done(null);
    });
  });
}
