import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildInhibitRules,
  buildRoute,
  formatMatchers,
  groupLabelsFor,
  isInhibited,
  matchRoutes,
  parseAlertmanagerConfig,
  type Route,
} from '@/lib/alerting';
import { formatLabelSet } from '@/lib/alerting/go-format';
import { hasAlertmanager } from '../oracle/alertmanager';
import { amtoolVerifyReceivers, hasAmtool, requireLiveOracle } from '../oracle/amtool';
import { ROUTING_CASES } from './routing-cases';
import {
  alertmanagerRoutingAnswers,
  amtoolRouteKeys,
  type RouteKeysExpected,
  type RoutingAnswer,
  type RoutingExpected,
} from './routing-record';

const expected = JSON.parse(readFileSync(new URL('./amtool-routes.expected.json', import.meta.url), 'utf8')) as {
  keys: RouteKeysExpected;
  alerts: RoutingExpected;
};
const committed = expected.alerts;
const live = requireLiveOracle('amtool and prometheus-alertmanager', hasAmtool() && hasAlertmanager());

function lookoutAnswers(): RoutingExpected {
  const out: RoutingExpected = {};
  for (const c of ROUTING_CASES) {
    const cfg = parseAlertmanagerConfig(parse(c.config));
    const root = buildRoute(cfg.route);
    const rules = buildInhibitRules(cfg.inhibit_rules);
    out[c.name] = c.alerts.map((labels): RoutingAnswer => {
      const routes = matchRoutes(root, labels);
      return {
        labels,
        receivers: routes.map((r) => r.receiver),
        groups: routes.map((r) => `${r.receiver} ${formatLabelSet(groupLabelsFor(r, labels))}`).sort(),
        inhibited: isInhibited(rules, labels, c.alerts),
      };
    });
  }
  return out;
}

function lookoutKeys(): RouteKeysExpected {
  const keys = (r: Route): string[] => r.routes.flatMap((c) => [formatMatchers(c.matchers), ...keys(c)]);
  return Object.fromEntries(
    ROUTING_CASES.map((c) => [c.name, keys(buildRoute(parseAlertmanagerConfig(parse(c.config)).route))]),
  );
}

describe('routing, grouping and inhibition agree with Alertmanager 0.25', () => {
  it('covers at least 40 alerts', () => {
    expect(Object.values(committed).flat().length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(committed)).toEqual(ROUTING_CASES.map((c) => c.name));
  });

  it.each(ROUTING_CASES.map((c) => c.name))('%s (committed answers)', (name) => {
    expect(lookoutAnswers()[name]).toEqual(committed[name]);
  });

  it('route keys (sorted by name, value, then type; match_re as ^(?:…)$) as amtool prints them', () => {
    expect(lookoutKeys()).toEqual(expected.keys);
  });

  it.runIf(live)('route keys, live against amtool', () => {
    expect(lookoutKeys()).toEqual(amtoolRouteKeys());
  });

  it.runIf(live)(
    'amtool --verify.receivers accepts the receivers Lookout picks',
    () => {
      const ours = lookoutAnswers();
      const refused = ROUTING_CASES.flatMap((c) =>
        ours[c.name]
          .filter((a) => !amtoolVerifyReceivers(parse(c.config), a.labels, a.receivers))
          .map((a) => [c.name, a.labels]),
      );
      expect(refused).toEqual([]);
    },
    60_000,
  );

  it.runIf(live)(
    'every case, live against amtool and a running Alertmanager',
    async () => {
      expect(lookoutAnswers()).toEqual(await alertmanagerRoutingAnswers());
    },
    90_000,
  );
});
