import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Clock } from '@/lib/clock';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { globMatch } from './glob';
import { describeError, formatTimeout } from './probe-errors';
import { runStarttlsProbe } from './starttls-probe';
import type { ProbeResult, TcpSpec } from './types';

const MAX_REPLY_BYTES = 64 * 1024;

interface Outcome {
  connected: boolean;
  reply: string | null;
  error: string | null;
}

const needsReply = (spec: TcpSpec) =>
  spec.send !== null || spec.expect !== null || spec.conditions.some((c) => c.subject.kind === 'body');

/** Connects, writes `send`, and reads until `expect` matches (or the first data without it), the peer closes or 64 KB. */
function exchange(spec: TcpSpec, signal: AbortSignal, out: Outcome): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: spec.host, port: spec.port });
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error: string | null) => {
      out.error = error;
      socket.destroy();
      resolve(out);
    };
    signal.addEventListener('abort', () => socket.destroy(), { once: true });
    socket.on('error', (err) => done(out.connected ? `connection reset` : describeError(err, spec.host)));
    socket.on('connect', () => {
      out.connected = true;
      if (!needsReply(spec)) return done(null);
      out.reply = '';
      if (spec.send !== null) socket.write(spec.send);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk.subarray(0, MAX_REPLY_BYTES - size));
      size = Math.min(MAX_REPLY_BYTES, size + chunk.length);
      out.reply = Buffer.concat(chunks, size).toString('utf8');
      if (spec.expect === null || globMatch(spec.expect, out.reply) || size >= MAX_REPLY_BYTES) done(null);
    });
    socket.on('end', () => done(null));
  });
}

const quote = (s: string) => JSON.stringify(s.slice(0, 80));

/** One TCP check: connected, latency of the whole exchange, and the reply as `[BODY]`. */
export async function runTcpProbe(spec: TcpSpec, clock: Clock): Promise<ProbeResult> {
  if (spec.starttls) return runStarttlsProbe({ ...spec, starttls: spec.starttls }, clock);
  const ts = clock.now();
  const started = performance.now();
  const out: Outcome = { connected: false, reply: null, error: null };
  const outcome = await withDeadline(
    spec.timeoutMs,
    (signal) => exchange(spec, signal, out),
    () => {
      const waiting = out.connected ? `, reply so far ${quote(out.reply ?? '')}` : '';
      return { ...out, error: `timeout after ${formatTimeout(spec.timeoutMs)}${waiting}` };
    },
  );
  const latencyMs = Math.round((performance.now() - started) * 10) / 10;
  let error = outcome.error;
  if (!error && spec.expect !== null && !globMatch(spec.expect, outcome.reply ?? '')) {
    error = `reply did not match expect ${quote(spec.expect)} (got ${quote(outcome.reply ?? '')})`;
  }
  if (!error && outcome.connected) {
    error = firstFailure(spec.conditions, { latencyMs, connected: true, bodyText: outcome.reply ?? '' });
  }
  return {
    ts,
    up: error === null,
    statusCode: null,
    latencyMs,
    error,
    gauges: {},
    answered: outcome.connected,
    metrics: { probe_tcp_connected: outcome.connected ? 1 : 0 },
  };
}
