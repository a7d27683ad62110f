import { parse, stringify } from 'yaml';
import { burnRuleGroup } from './burn-rules';
import type { Slo } from './slo-store';

/** The rule export (`GET /api/v1/rules/export`) with every SLO's burn-rate group appended. */
export function withSloGroups(uiExport: string, slos: Slo[], runbookBase: string): string {
  if (!slos.length) return uiExport;
  const doc = parse(uiExport) as { groups?: unknown[] } | null;
  const groups = [...(doc?.groups ?? []), ...slos.map((s) => burnRuleGroup(s, runbookBase))];
  return stringify({ groups }, { lineWidth: 0 });
}
