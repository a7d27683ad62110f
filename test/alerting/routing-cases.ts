/** The routing table compared with Alertmanager 0.25 (amtool for receivers, the running server for groups and inhibition). */
export type RoutingCase = { name: string; config: string; alerts: Record<string, string>[] };

const NESTED = String.raw`
route:
  receiver: default
  group_by: [alertname]
  routes:
    - receiver: ops
      matchers: ['team="ops"']
      group_by: [alertname, instance]
      routes:
        - receiver: ops-critical
          matchers: ['severity="critical"']
        - receiver: ops-other
          matchers: ['severity!="critical"', 'severity!=""']
    - receiver: db
      match_re: { service: 'mysql|postgres' }
      continue: true
      group_by: ['...']
      routes:
        - receiver: db-backup
          match: { job: backup }
          group_by: []
    - receiver: neg
      matchers: ['env!~"prod|staging"', 'region=~"eu-.*"']
      continue: true
    - receiver: catch
      match_re: { service: '.+' }
    - receiver: posix
      matchers: ['code=~"[[:digit:]]{3}"']
      group_by: [code]
    - receiver: unicode
      matchers: ['city=~"\\p{Greek}+|Zürich|東京"']
      group_by: [city]
    - receiver: newline
      matchers: ['msg=~"line1\nline2"']
    - receiver: dotnl
      matchers: ['msg=~"x.y"']
    - receiver: ci
      matchers: ['name=~"(?i)abc"']
    - receiver: empty
      matchers: ['absent=""', 'marker="empty"']
    - receiver: quoted
      matchers: ['q="a\"b,c"']
    - receiver: anchored
      match_re: { path: 'a)|(b' }
    - receiver: anchored-new
      matchers: ['path2=~"a)|(b"']
receivers: [{ name: default }, { name: ops }, { name: ops-critical }, { name: ops-other }, { name: db }, { name: db-backup }, { name: neg }, { name: catch },
  { name: posix }, { name: unicode }, { name: newline }, { name: dotnl }, { name: ci }, { name: empty }, { name: quoted }, { name: anchored }, { name: anchored-new }]
`;

const GROUPING = String.raw`
route:
  receiver: root
  group_by: ['...']
  routes:
    - receiver: inherit
      matchers: ['kind="inherit"']
    - receiver: empty-list
      matchers: ['kind="empty"']
      group_by: []
    - receiver: explicit
      matchers: ['kind="explicit"']
      group_by: [zone, alertname]
      routes:
        - receiver: grandchild
          matchers: ['tier="db"']
        - receiver: grandchild-all
          matchers: ['tier="all"']
          group_by: ['...']
          routes:
            - receiver: great-grandchild
              matchers: ['deep="yes"']
    - receiver: multi
      match: { kind: multi }
      matchers: ['a=~"x|y"', 'a!="z"', 'a="x"', 'a!="x\ny"', 'c!="tab	é😀"']
receivers: [{ name: root }, { name: inherit }, { name: empty-list }, { name: explicit }, { name: grandchild }, { name: grandchild-all }, { name: great-grandchild }, { name: multi }]
`;

const INHIBIT = String.raw`
route: { receiver: r, group_by: [alertname] }
receivers: [{ name: r }]
inhibit_rules:
  - source_matchers: ['severity="critical"']
    target_matchers: ['severity="warning"']
    equal: [cluster]
  - source_match: { alertname: NodeDown }
    target_match_re: { alertname: '.+' }
    equal: [node]
  - source_matchers: ['alertname="Maint"', 'state=~"on|yes"']
    target_matchers: ['region=~"\\p{Lu}{2}"']
`;

export const ROUTING_CASES: RoutingCase[] = [
  {
    name: 'nested routes, continue, four operators, legacy match/match_re',
    config: NESTED,
    alerts: [
      { alertname: 'A' },
      { alertname: 'A', team: 'ops' },
      { alertname: 'A', team: 'ops', severity: 'critical', instance: 'h1' },
      { alertname: 'A', team: 'ops', severity: 'warning', instance: 'h2' },
      { alertname: 'B', team: 'ops', severity: 'critical' },
      { alertname: 'A', service: 'postgres' },
      { alertname: 'A', service: 'postgres', job: 'backup' },
      { alertname: 'A', service: 'mysql', job: 'backup', env: 'dev', region: 'eu-west' },
      { alertname: 'A', service: 'mysqlx' },
      { alertname: 'A', service: 'mysql', env: 'prod', region: 'eu-west' },
      { alertname: 'A', env: 'staging', region: 'eu-1' },
      { alertname: 'A', env: 'qa', region: 'eu-1' },
      { alertname: 'A', region: 'us-1' },
      { alertname: 'A', code: '503' },
      { alertname: 'A', code: '5033' },
      { alertname: 'A', code: '٥٠٣' },
      { alertname: 'A', city: 'Αθήνα' },
      { alertname: 'A', city: 'Zürich' },
      { alertname: 'A', city: '東京' },
      { alertname: 'A', city: 'Zurich' },
      { alertname: 'A', msg: 'line1\nline2' },
      { alertname: 'A', msg: 'x\ny' },
      { alertname: 'A', msg: 'x😀y' },
      { alertname: 'A', name: 'ABC' },
      { alertname: 'A', name: 'aBc ' },
      { alertname: 'A', marker: 'empty' },
      { alertname: 'A', marker: 'empty', absent: 'x' },
      { alertname: 'A', q: 'a"b,c' },
      { alertname: 'A', path: 'ax' },
      { alertname: 'A', path: 'b' },
      { alertname: 'A', path2: 'ax' },
      { alertname: 'A', path2: 'xb' },
    ],
  },
  {
    name: "group_by: '...', [] (inherits), explicit lists, same-name matchers",
    config: GROUPING,
    alerts: [
      { alertname: 'G', zone: 'z1' },
      { alertname: 'G', kind: 'inherit', zone: 'z1' },
      { alertname: 'G', kind: 'empty', zone: 'z1' },
      { alertname: 'G', kind: 'explicit', zone: 'z1', host: 'h' },
      { alertname: 'G', kind: 'explicit', tier: 'db', host: 'h' },
      { alertname: 'G', kind: 'explicit', tier: 'all', host: 'h' },
      { alertname: 'G', kind: 'explicit', tier: 'all', deep: 'yes', host: 'h' },
      { alertname: 'G', kind: 'multi', a: 'x' },
      { alertname: 'G', kind: 'multi', a: 'y' },
      { alertname: 'G', kind: 'multi', a: 'z' },
    ],
  },
  {
    name: 'inhibit rules',
    config: INHIBIT,
    alerts: [
      { alertname: 'Disk', severity: 'critical', cluster: 'c1' },
      { alertname: 'Disk', severity: 'warning', cluster: 'c1' },
      { alertname: 'Disk', severity: 'warning', cluster: 'c2' },
      { alertname: 'Mem', severity: 'critical' },
      { alertname: 'Mem', severity: 'warning' },
      { alertname: 'NodeDown', node: 'n1' },
      { alertname: 'NodeDown', node: 'n1', extra: '1' },
      { alertname: 'Cpu', node: 'n1' },
      { alertname: 'Cpu', node: 'n2' },
      { alertname: 'Maint', state: 'on' },
      { alertname: 'Net', region: 'EU' },
      { alertname: 'Net', region: 'eu' },
    ],
  },
];
