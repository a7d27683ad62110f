/** Records Alertmanager 0.25's routing answers: `npx tsx test/alerting/routing-record.ts` (needs amtool and prometheus-alertmanager). */
import { writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { formatLabelSet } from '@/lib/alerting/go-format';
import { startAlertmanager } from '../oracle/alertmanager';
import { amtoolRoutes, amtoolRouteTree } from '../oracle/amtool';
import { ROUTING_CASES } from './routing-cases';

export type RoutingAnswer = {
  labels: Record<string, string>;
  receivers: string[];
  groups: string[];
  inhibited: boolean;
};
export type RoutingExpected = Record<string, RoutingAnswer[]>;
/** Each non-root route's own matchers as `amtool config routes` prints them, depth first. */
export type RouteKeysExpected = Record<string, string[]>;

const sameLabels = (a: Record<string, string>, b: Record<string, string>) => formatLabelSet(a) === formatLabelSet(b);

/** Receivers from `amtool config routes test`; group labels and inhibition from a running Alertmanager. */
export async function alertmanagerRoutingAnswers(): Promise<RoutingExpected> {
  const out: RoutingExpected = {};
  for (const c of ROUTING_CASES) {
    const config = parse(c.config) as unknown;
    const am = await startAlertmanager(config);
    try {
      const endsAt = new Date(Date.now() + 3_600_000).toISOString();
      await am.post(c.alerts.map((labels) => ({ labels, endsAt })));
      await new Promise((r) => setTimeout(r, 1500));
      const groups = await am.groups();
      out[c.name] = c.alerts.map((labels) => {
        const mine = groups.filter((g) => g.alerts.some((a) => sameLabels(a.labels, labels)));
        const inhibited = mine.some((g) =>
          g.alerts.some((a) => sameLabels(a.labels, labels) && a.status.inhibitedBy.length > 0),
        );
        return {
          labels,
          receivers: amtoolRoutes(config, labels),
          groups: mine.map((g) => `${g.receiver.name} ${formatLabelSet(g.labels)}`).sort(),
          inhibited,
        };
      });
    } finally {
      await am.stop();
    }
  }
  return out;
}

export function amtoolRouteKeys(): RouteKeysExpected {
  return Object.fromEntries(ROUTING_CASES.map((c) => [c.name, amtoolRouteTree(parse(c.config))]));
}

if (process.argv[1]?.endsWith('routing-record.ts')) {
  void alertmanagerRoutingAnswers().then((alerts) => {
    const out = { keys: amtoolRouteKeys(), alerts };
    writeFileSync(new URL('./amtool-routes.expected.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
  });
}
