import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildRoute, matchRoutes, parseAlertmanagerConfig, parseMatchers } from '@/lib/alerting';

const CONTRACT = `
route:
  receiver: web.hook
  group_by: [alertname]
  group_wait: 10s
  group_interval: 10s
  repeat_interval: 1h
receivers:
  - name: web.hook
    webhook_configs: [{ url: "http://127.0.0.1:9093/hook" }]
    slack_configs: [{ api_url: "https://hooks.slack.com/services/T000/B000/XXXX", channel: "#alerts" }]
`;

describe('Alertmanager configuration', () => {
  it('accepts the contract example with Alertmanager defaults', () => {
    const cfg = parseAlertmanagerConfig(parse(CONTRACT));
    expect(cfg.receivers[0].webhook_configs[0].send_resolved).toBe(true);
    expect(cfg.receivers[0].slack_configs[0].send_resolved).toBe(false);
    expect(cfg.global.resolve_timeout).toBe(300_000);
    const r = buildRoute(cfg.route);
    expect([r.groupWaitMs, r.groupIntervalMs, r.repeatIntervalMs]).toEqual([10_000, 10_000, 3_600_000]);
  });

  it.each([
    ['route: { receiver: x }\nreceivers: [{ name: y }]', /undefined receiver "x"/],
    ['route: { receiver: x, matchers: ["a=b"] }\nreceivers: [{ name: x }]', /root route must not have any matchers/],
    [
      'route: { receiver: x, routes: [{ matchers: ["a=~("] }] }\nreceivers: [{ name: x }]',
      /route\.routes\.0\.matchers: bad regular expression/,
    ],
    [
      'route: { receiver: x, group_wait: 10 minutes }\nreceivers: [{ name: x }]',
      /route\.group_wait: not a valid duration/,
    ],
    [
      'route: { receiver: x }\nreceivers: [{ name: x, slack_configs: [{ channel: "#a" }] }]',
      /no api_url or global slack_api_url/,
    ],
    ['route: { receiver: x }\nreceivers: [{ name: x }, { name: x }]', /"x" is not unique/],
    [
      'route: { receiver: x }\nreceivers: [{ name: x, slack_configs: [{ api_url: "https://h/s", title: "{{ range .Alerts }}" }] }]',
      /slack_configs\.0\.title: template: :1: unexpected EOF/,
    ],
    [
      'route: { receiver: x }\nreceivers: [{ name: x, email_configs: [{ from: "a@b" }] }]',
      /email_configs\.0: missing to address/,
    ],
  ])('rejects %#', (text, err) => expect(() => parseAlertmanagerConfig(parse(text))).toThrow(err));

  it('never puts a webhook URL in a config error', () => {
    const bad =
      'route: { receiver: x }\nreceivers: [{ name: x, webhook_configs: [{ url: "https://h/SECRET", bogus: 1 }] }]';
    expect(() => parseAlertmanagerConfig(parse(bad))).toThrow(/bogus/);
    try {
      parseAlertmanagerConfig(parse(bad));
    } catch (err) {
      expect((err as Error).message).not.toContain('SECRET');
    }
  });
});

describe('matchers', () => {
  it.each([
    ['a="b"', [{ name: 'a', op: '=', value: 'b' }]],
    ['a!=b', [{ name: 'a', op: '!=', value: 'b' }]],
    [
      '{a=~"x|y", b!~"z"}',
      [
        { name: 'a', op: '=~', value: 'x|y' },
        { name: 'b', op: '!~', value: 'z' },
      ],
    ],
    ['a="b,c"', [{ name: 'a', op: '=', value: 'b,c' }]],
  ])('%s', (text, want) => expect(parseMatchers(text)).toEqual(want));
});

describe('route tree', () => {
  const cfg = parseAlertmanagerConfig(
    parse(`
route:
  receiver: default
  group_by: [alertname]
  routes:
    - receiver: ops
      match: { team: ops }
      group_wait: 1m
      routes:
        - { receiver: ops-critical, matchers: ['severity="critical"'], group_by: [...] }
    - { receiver: db, match_re: { service: "mysql|postgres" }, continue: true }
    - { receiver: db-backup, matchers: ['service=~"postgres"'] }
    - { receiver: catch, match_re: { service: ".+" } }
receivers: [{ name: default }, { name: ops }, { name: ops-critical }, { name: db }, { name: db-backup }, { name: catch }]
`),
  );
  const root = buildRoute(cfg.route);

  it.each([
    [{ alertname: 'A' }, ['default']],
    [{ team: 'ops' }, ['ops']],
    [{ team: 'ops', severity: 'critical' }, ['ops-critical']],
    [{ service: 'postgres' }, ['db', 'db-backup']],
    [{ service: 'mysql' }, ['db', 'catch']],
    [{ service: 'mysqlx' }, ['catch']],
  ])('%o → %o', (labels, receivers) => expect(matchRoutes(root, labels).map((r) => r.receiver)).toEqual(receivers));

  it('children inherit group_by and timings; `...` groups by all labels; keys are Alertmanager route keys', () => {
    const [crit] = matchRoutes(root, { team: 'ops', severity: 'critical' });
    expect(crit.groupByAll).toBe(true);
    expect(crit.groupWaitMs).toBe(60_000);
    expect(crit.key).toBe('{}/{team="ops"}/{severity="critical"}');
    const [db] = matchRoutes(root, { service: 'postgres' });
    expect(db.groupBy).toEqual(['alertname']);
    expect(db.groupWaitMs).toBe(30_000);
  });
});
