import { describe, expect, it } from 'vitest';
import { createAlerting } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import { InMemorySeriesSource, parseRuleFile, RuleGroup } from '@/lib/rules';
import { ruleGeneratorURL } from '@/lib/rules/generator-url';

const T0 = Date.UTC(2026, 0, 1);
const RULES = `groups:
  - name: g
    interval: 15s
    rules:
      - alert: High
        expr: g > 0
        for: 1m
`;

describe('alert timing (Prometheus → Alertmanager)', () => {
  it('startsAt is when the alert started firing, not when it became pending', () => {
    const src = new InMemorySeriesSource();
    const [def] = parseRuleFile(RULES, 'r.yml', 15_000);
    const group = new RuleGroup(def, { source: src });
    const sent = [];
    for (let t = 0; t <= 90_000; t += 15_000) {
      src.push({ __name__: 'g' }, T0 + t, 1);
      sent.push(...group.evaluateGroup(T0 + t).toSend);
    }
    expect(sent[0].startsAt).toBe(T0 + 60_000);
    expect(sent.every((a) => a.startsAt === T0 + 60_000)).toBe(true);
  });

  it('group_wait is honoured for a new alert coming out of pending', async () => {
    const clock = new FakeClock(T0);
    const src = new InMemorySeriesSource();
    const [def] = parseRuleFile(RULES, 'r.yml', 15_000);
    const group = new RuleGroup(def, { source: src, generatorURL: (r) => ruleGeneratorURL('http://lookout:3000/', r) });
    const times: number[] = [];
    const am = createAlerting(
      {
        route: { receiver: 'r', group_wait: '30s' },
        receivers: [{ name: 'r', webhook_configs: [{ url: 'http://127.0.0.1:9/' }] }],
      },
      {
        clock,
        externalURL: 'http://lookout:3000',
        integrations: () => [
          {
            id: 'webhook[0]',
            sendResolved: true,
            notify: async (ctx) => (times.push(ctx.now - T0), { ok: true, attempts: 1, status: 200, error: null }),
          },
        ],
      },
    );
    for (let s = 0; s <= 120; s++) {
      if (s % 15 === 0) {
        src.push({ __name__: 'g' }, clock.now(), 1);
        const due = group.evaluateGroup(clock.now()).toSend;
        if (s === 60) expect(due[0].generatorURL).toBe('http://lookout:3000/alerts?rule=High&expr=g+%3E+0');
        am.dispatcher.put(due);
      }
      clock.advance(1000);
      await am.dispatcher.idle();
    }
    // Fired at 60 s, first notification after group_wait (30 s) — not at once.
    expect(times[0]).toBe(90_000);
    am.dispatcher.stop();
  });
});
