import { describe, expect, it } from 'vitest';
import { FakeClock } from '@/lib/clock';
import { InMemorySeriesSource, parseRuleFile, RuleGroup } from '@/lib/rules';
import { CCPROXY_RULES } from './ccproxy-fixture';

const LE = ['0.5', '1', '2.5', '5', '+Inf'];

function setup() {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const src = new InMemorySeriesSource();
  const [def] = parseRuleFile(CCPROXY_RULES, 'alerts.yml', 15_000);
  const group = new RuleGroup(def, { source: src });
  return { clock, src, group };
}

/** Feeds 10 s samples: up=1/0 every 30 s, and counters growing by errPerSec 5xx and slow requests. */
function feed(src: InMemorySeriesSource, t: number, state: { up: number; errors: number; slow: number; fast: number }) {
  if (t % 30_000 === 0) src.push({ __name__: 'up', job: 'ccproxy', instance: '127.0.0.1:3456' }, t, state.up);
  src.push(
    { __name__: 'http_requests_total', job: 'ccproxy', provider: 'groq', model: 'm', status: '502' },
    t,
    state.errors,
  );
  for (const le of LE) {
    const v = le === '0.5' || le === '1' ? state.fast : state.fast + state.slow;
    src.push({ __name__: 'http_request_duration_seconds_bucket', job: 'ccproxy', provider: 'groq', le }, t, v);
  }
}

describe('CCProxy rules from the contract', () => {
  it('load unchanged', () => {
    const [def] = parseRuleFile(CCPROXY_RULES, 'alerts.yml', 15_000);
    expect(def.rules.map((r) => [r.name, r.forMs, r.unsupported])).toEqual([
      ['CCProxyDown', 60_000, null],
      ['HighErrorRate', 120_000, null],
      ['HighLatency', 180_000, null],
    ]);
  });

  it('fire after their for and resolve when the data recovers', () => {
    const { clock, src, group } = setup();
    const s = { up: 1, errors: 0, slow: 0, fast: 0 };
    const states = (now: number) => {
      group.evaluateGroup(now);
      return Object.fromEntries(group.status().map((r) => [r.name, r.state]));
    };
    // 10 minutes healthy.
    for (let i = 0; i < 60; i++) {
      s.fast += 10;
      feed(src, clock.now(), s);
      clock.advance(10_000);
    }
    expect(states(clock.now() - 10_000)).toEqual({
      CCProxyDown: 'inactive',
      HighErrorRate: 'inactive',
      HighLatency: 'inactive',
    });
    // Trouble: down, 0.5 errors/s, all new requests take 3-5 s.
    s.up = 0;
    const seen: Record<string, string>[] = [];
    for (let i = 0; i < 60; i++) {
      s.errors += 5;
      s.slow += 10;
      feed(src, clock.now(), s);
      if (i % 3 === 0) seen.push(states(clock.now()));
      clock.advance(10_000);
    }
    const firstFiring = (name: string) => seen.findIndex((x) => x[name] === 'firing');
    expect(seen.some((x) => x.CCProxyDown === 'pending')).toBe(true);
    expect(firstFiring('CCProxyDown')).toBeGreaterThan(0);
    expect(firstFiring('HighErrorRate')).toBeGreaterThan(firstFiring('CCProxyDown'));
    expect(firstFiring('HighLatency')).toBeGreaterThan(firstFiring('HighErrorRate'));
    const last = group.evaluateGroup(clock.now() - 10_000);
    expect(last.health).toBe('ok');
    const err = last.alerts.find((a) => a.rule === 'HighErrorRate');
    expect(err?.labels).toEqual({
      alertname: 'HighErrorRate',
      job: 'ccproxy',
      model: 'm',
      provider: 'groq',
      severity: 'warning',
      status: '502',
    });
    expect(err?.annotations.description).toMatch(/^Error rate is 0\.50*\d? errors per second$/);
    expect(last.alerts.find((a) => a.rule === 'HighLatency')?.value).toBeGreaterThan(2);
    // Recovery.
    s.up = 1;
    for (let i = 0; i < 60; i++) {
      s.fast += 10;
      feed(src, clock.now(), s);
      clock.advance(10_000);
    }
    const after = group.evaluateGroup(clock.now() - 10_000);
    expect(group.status().map((r) => r.state)).toEqual(['inactive', 'inactive', 'inactive']);
    expect(after.alerts.every((a) => a.state === 'inactive' && a.resolvedAtMs !== null)).toBe(true);
    expect(after.toSend.filter((a) => a.endsAt <= clock.now()).length).toBeGreaterThanOrEqual(0);
  });
});
