import type { RuleManager } from '@/lib/rules';
import { toIso } from '@/lib/time/iso';

/** Pending and firing alerts (and resolved ones still being re-sent), firing first. */
export function listAlerts(rules: RuleManager) {
  const order = { firing: 0, pending: 1, inactive: 2 } as const;
  return rules
    .list()
    .flatMap((g) => g.alerts())
    .filter((a) => a.state !== 'inactive')
    .sort((a, b) => order[a.state] - order[b.state] || a.activeAtMs - b.activeAtMs)
    .map((a) => ({
      name: a.labels.alertname ?? a.rule,
      state: a.state,
      labels: a.labels,
      annotations: a.annotations,
      active_at: toIso(a.activeAtMs),
      fired_at: toIso(a.firedAtMs),
      value: a.value,
    }));
}
