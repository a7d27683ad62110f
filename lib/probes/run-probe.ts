import type { Clock } from '@/lib/clock';
import { runDnsProbe } from './dns-probe';
import { runHttpProbe } from './http-probe';
import { runIcmpProbe } from './icmp-probe';
import type { LlmProber } from './llm-probe';
import { runTcpProbe } from './tcp-probe';
import { runTlsProbe } from './tls-probe';
import type { HeartbeatSpec, ProbeResult, ProbeSpec } from './types';

export type HeartbeatProber = (spec: HeartbeatSpec, clock: Clock) => Promise<ProbeResult>;

const noHeartbeats: HeartbeatProber = async (_spec, clock) => ({
  ts: clock.now(),
  up: false,
  statusCode: null,
  latencyMs: 0,
  error: 'heartbeat checks need the engine',
  gauges: {},
});

const noLlm: LlmProber = async (_spec, clock) => ({
  ts: clock.now(),
  up: false,
  statusCode: null,
  latencyMs: 0,
  error: 'llm checks need the engine',
  gauges: {},
});

/**
 * The per-type dispatch: one prober module per target type. Heartbeats read pings and llm checks count their
 * daily requests, so the engine hands theirs in.
 */
export function createProber(heartbeat: HeartbeatProber = noHeartbeats, llm: LlmProber = noLlm) {
  return (spec: ProbeSpec, clock: Clock): Promise<ProbeResult> => {
    switch (spec.type) {
      case undefined:
      case 'http':
        return runHttpProbe(spec, clock);
      case 'tcp':
        return runTcpProbe(spec, clock);
      case 'dns':
        return runDnsProbe(spec, clock);
      case 'tls':
        return runTlsProbe(spec, clock);
      case 'icmp':
        return runIcmpProbe(spec, clock);
      case 'heartbeat':
        return heartbeat(spec, clock);
      case 'llm':
        return llm(spec, clock);
    }
  };
}

export const runProbe = createProber();
