import { parse } from 'yaml';
import { type AlertingState, createAlerting, type Integration, parseAlertmanagerConfig } from '@/lib/alerting';
import { FakeClock } from '@/lib/clock';
import type { PostableAlert } from '@/lib/rules';

export type Sent = { at: number; to: string; status: string; alerts: string[] };

export const T0 = Date.UTC(2026, 0, 1);

/** Alertmanager wiring with fake integrations that record what they were asked to send. */
export function harness(yaml: string, clock = new FakeClock(T0), state: AlertingState | null = null) {
  const raw = parse(yaml) as unknown;
  const cfg = parseAlertmanagerConfig(raw);
  const sent: Sent[] = [];
  const failures = new Map<string, number>();
  const integrations = (receiver: string): Integration[] => {
    const rc = cfg.receivers.find((r) => r.name === receiver);
    if (!rc) return [];
    const make = (id: string, sendResolved: boolean): Integration => ({
      id,
      sendResolved,
      notify: async (ctx, alerts) => {
        const to = `${receiver}/${id}`;
        const left = failures.get(to) ?? 0;
        if (left > 0) {
          failures.set(to, left - 1);
          return { ok: false, attempts: 3, status: 500, error: 'HTTP 500' };
        }
        const status = alerts.some((a) => a.endsAt > ctx.now) ? 'firing' : 'resolved';
        sent.push({ at: (ctx.now - T0) / 1000, to, status, alerts: alerts.map(describe) });
        return { ok: true, attempts: 1, status: 200, error: null };
      },
    });
    return [
      ...rc.webhook_configs.map((w, i) => make(`webhook[${i}]`, w.send_resolved)),
      ...rc.slack_configs.map((s, i) => make(`slack[${i}]`, s.send_resolved)),
    ];
  };
  const am = createAlerting(raw, { clock, externalURL: 'http://lookout:3000', integrations }, state);
  return {
    clock,
    am,
    sent,
    failNext: (to: string, n: number) => failures.set(to, n),
    /** Advances second by second so each flush completes before the next is due. */
    async runTo(sec: number) {
      while (clock.now() < T0 + sec * 1000) {
        clock.advance(1000);
        await am.dispatcher.idle();
      }
    },
    put: (...alerts: PostableAlert[]) => am.dispatcher.put(alerts),
  };
}

function describe(a: { labels: Record<string, string> }): string {
  return [
    a.labels.alertname,
    ...Object.keys(a.labels)
      .filter((k) => k !== 'alertname')
      .sort()
      .map((k) => `${k}=${a.labels[k]}`),
  ].join(',');
}

/** An alert as Prometheus posts it; times in seconds after T0. */
export function alert(
  labels: Record<string, string>,
  startsAt: number,
  endsAt: number,
  annotations: Record<string, string> = {},
): PostableAlert {
  return {
    labels,
    annotations,
    startsAt: T0 + startsAt * 1000,
    endsAt: T0 + endsAt * 1000,
    generatorURL: 'http://lookout:3000/alerts',
  };
}
