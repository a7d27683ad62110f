import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemClock } from '@/lib/clock';
import { parseCondition } from '@/lib/probes/conditions';
import { parsePingOutput, runIcmpProbe } from '@/lib/probes/icmp-probe';
import { runProbe } from '@/lib/probes/run-probe';
import type { IcmpSpec } from '@/lib/probes/types';

const hasPing = (() => {
  try {
    execFileSync('sh', ['-c', 'command -v ping'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const spec = (over: Partial<IcmpSpec> = {}): IcmpSpec => ({
  type: 'icmp',
  host: '127.0.0.1',
  packets: 2,
  timeoutMs: 3000,
  conditions: [],
  ...over,
});

describe('ping output', () => {
  it('reads iputils, busybox and total loss', () => {
    expect(
      parsePingOutput(
        '--- 127.0.0.1 ping statistics ---\n3 packets transmitted, 2 received, 33.3333% packet loss, time 404ms\nrtt min/avg/max/mdev = 0.034/0.050/0.070/0.003 ms\n',
      ),
    ).toEqual({ sent: 3, received: 2, avgMs: 0.05 });
    expect(
      parsePingOutput(
        '3 packets transmitted, 3 packets received, 0% packet loss\nround-trip min/avg/max = 1.1/2.2/3.3 ms\n',
      ),
    ).toEqual({ sent: 3, received: 3, avgMs: 2.2 });
    expect(parsePingOutput('2 packets transmitted, 0 received, 100% packet loss, time 1000ms\n')).toEqual({
      sent: 2,
      received: 0,
      avgMs: null,
    });
    expect(parsePingOutput('ping: socket: Operation not permitted')).toBeNull();
  });
});

describe('icmp probe', () => {
  it('says "ping not available" without the system ping', async () => {
    const r = await runIcmpProbe(spec(), systemClock, '/nonexistent/ping');
    expect(r).toMatchObject({ up: false, error: 'ping not available (install iputils-ping)' });
  });

  it.skipIf(!hasPing)('pings 127.0.0.1 with loss and round-trip series', async () => {
    const cond = parseCondition('[RESPONSE_TIME] < 500', 'icmp');
    if (!cond.ok) throw new Error(cond.error);
    const r = await runProbe(spec({ conditions: [cond.condition] }), systemClock);
    expect(r).toMatchObject({ up: true, error: null, answered: true, metrics: { probe_icmp_packet_loss_ratio: 0 } });
    expect(r.metrics!.probe_icmp_rtt_seconds).toBeGreaterThan(0);
    expect(r.metrics!.probe_icmp_rtt_seconds).toBeLessThan(0.5);
  });
});
