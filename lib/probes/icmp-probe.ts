import { spawn } from 'node:child_process';
import type { Clock } from '@/lib/clock';
import { firstFailure } from './conditions';
import { withDeadline } from './deadline';
import { formatTimeout } from './probe-errors';
import type { IcmpSpec, ProbeResult } from './types';

export interface PingSummary {
  sent: number;
  received: number;
  /** Mean round trip in ms, null without replies. */
  avgMs: number | null;
}

/** Reads iputils' and busybox's summary lines: `3 packets transmitted, 2 received` and `min/avg/max… = a/b/c`. */
export function parsePingOutput(out: string): PingSummary | null {
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(out);
  if (!counts) return null;
  const rtt = /min\/avg\/max[^=]*=\s*[\d.]+\/([\d.]+)\//.exec(out);
  return { sent: Number(counts[1]), received: Number(counts[2]), avgMs: rtt ? Number(rtt[1]) : null };
}

type Outcome = { summary: PingSummary } | { error: string };

function ping(spec: IcmpSpec, binary: string, signal: AbortSignal): Promise<Outcome> {
  return new Promise((resolve) => {
    const deadlineS = Math.max(1, Math.ceil(spec.timeoutMs / 1000));
    // -n: no reverse lookups; -i 0.2: the shortest interval iputils allows without root; -w: overall deadline.
    const args = ['-n', '-c', String(spec.packets), '-i', '0.2', '-w', String(deadlineS), spec.host];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      if (out.length < 65_536) out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 65_536) err += d.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') resolve({ error: 'ping not available (install iputils-ping)' });
      else if (e.name !== 'AbortError') resolve({ error: `ping failed (${e.code ?? e.message})` });
    });
    child.on('close', () => {
      const summary = parsePingOutput(out);
      if (summary) return resolve({ summary });
      const said =
        err
          .trim()
          .split('\n')[0]
          ?.replace(/^ping: /, '') ?? '';
      if (/not permitted|permission denied/i.test(said)) resolve({ error: `ping not permitted here: ${said}` });
      else if (/name|resolve|unknown host/i.test(said)) resolve({ error: `DNS lookup failed for ${spec.host}` });
      else resolve({ error: said ? `ping failed: ${said.slice(0, 120)}` : 'ping failed' });
    });
  });
}

/** One ICMP check through the system `ping`: packet loss and mean round trip. */
export async function runIcmpProbe(spec: IcmpSpec, clock: Clock, binary = 'ping'): Promise<ProbeResult> {
  const ts = clock.now();
  const outcome = await withDeadline(
    // ping's own -w deadline is whole seconds; the hard one leaves it time to print its summary.
    Math.max(spec.timeoutMs, Math.ceil(spec.timeoutMs / 1000) * 1000 + 500),
    (signal) => ping(spec, binary, signal),
    (): Outcome => ({ error: `timeout after ${formatTimeout(spec.timeoutMs)}` }),
  );
  const base = { ts, statusCode: null, gauges: {} };
  if ('error' in outcome) return { ...base, up: false, latencyMs: 0, error: outcome.error, answered: false };
  const { sent, received, avgMs } = outcome.summary;
  const loss = sent > 0 ? (sent - received) / sent : 1;
  const latencyMs = avgMs ?? 0;
  const metrics = {
    probe_icmp_packet_loss_ratio: loss,
    ...(avgMs !== null && { probe_icmp_rtt_seconds: avgMs / 1000 }),
  };
  let error: string | null = null;
  if (received === 0) error = `no reply from ${spec.host} (${sent} packets sent)`;
  else error = firstFailure(spec.conditions, { latencyMs, connected: true });
  return { ...base, up: error === null, latencyMs, error, answered: received > 0, metrics };
}
