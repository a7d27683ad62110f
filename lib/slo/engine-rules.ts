import type { Db } from '@/lib/db/connection';
import type { RuleGroupDef } from '@/lib/rules/rule-file';
import { UI_RULES_FILE } from '@/lib/rules/ui-rules';
import { burnRuleDefs } from './burn-rules';
import { readSlos } from './slo-store';

const DEFAULT_INTERVAL_MS = 15_000;

/** `defs` plus the stored SLOs' burn-rate groups, on the global evaluation interval (the UI group's). */
export function withSloRules(
  defs: RuleGroupDef[],
  fileDefs: RuleGroupDef[],
  db: Db,
  externalURL: string,
): RuleGroupDef[] {
  const interval = fileDefs.find((d) => d.file === UI_RULES_FILE)?.intervalMs ?? DEFAULT_INTERVAL_MS;
  return [...defs, ...burnRuleDefs(readSlos(db), externalURL.replace(/\/$/, ''), interval)];
}
