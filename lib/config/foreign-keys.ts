/**
 * Keys that users of other tools paste into lookout.yml, with what Lookout calls the same thing.
 * Matched on the dotted key path, array indexes as `*`.
 */
const HINTS: Record<string, string> = {
  scrape_configs:
    "scrape_configs is Prometheus's; Lookout probes /health endpoints listed under targets: (name, url, interval), see docs/configuration.md",
  route: 'route is Alertmanager configuration: put route:, receivers: and inhibit_rules: under alerting:',
  receivers: 'receivers is Alertmanager configuration: put route:, receivers: and inhibit_rules: under alerting:',
  inhibit_rules: 'inhibit_rules is Alertmanager configuration: put it under alerting:',
  endpoints: "endpoints is Gatus's name; Lookout calls them targets: (name, url, interval, conditions)",
  monitors: 'Lookout calls monitors targets: (name, url, interval, conditions)',
  'alerting.alert_relabel_configs': "alert_relabel_configs is Prometheus's; Lookout has no alert relabelling",
  'logs.*.paths': 'a log source takes one path: (a file or a glob in its last segment); add one source per pattern',
  'logs.*.file': 'a log source names its file with path:',
  'targets.*.endpoint': 'a target names its address with url:',
  'targets.*.scrape_interval': 'a target sets its probe interval with interval:',
  'targets.*.expected_status': 'check the status with a condition: conditions: ["[STATUS] == 200"]',
  maintenance:
    'maintenance windows go under maintenance_windows: (name, targets, starts_at, duration or ends_at), see docs/maintenance.md',
  'maintenance_windows.*.start': 'a maintenance window starts at starts_at: (RFC 3339)',
  'maintenance_windows.*.end': 'a maintenance window ends at ends_at: (RFC 3339), or lasts duration:',
  'maintenance_windows.*.schedule': 'a recurring maintenance window lists Alertmanager time_intervals: entries',
};

export function hintFor(path: readonly (string | number)[]): string | null {
  const dotted = path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');
  return HINTS[dotted] ?? null;
}
