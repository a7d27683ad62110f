import { fingerprint, type Labels } from '../rules/labels';
import type { InhibitRuleConfig } from './config';
import { combineMatchers, type Matcher, matchesAll } from './matchers';

export type InhibitRule = { source: Matcher[]; target: Matcher[]; equal: string[] };

export function buildInhibitRules(cfg: InhibitRuleConfig[]): InhibitRule[] {
  return cfg.map((r) => ({
    source: combineMatchers(r.source_match, r.source_match_re, r.source_matchers),
    target: combineMatchers(r.target_match, r.target_match_re, r.target_matchers),
    equal: r.equal,
  }));
}

/**
 * Alertmanager's inhibitor: a target is muted while a firing source alert matches with equal
 * `equal` labels; an alert matching both sides never inhibits another that does too.
 */
export function isInhibited(rules: InhibitRule[], target: Labels, firing: Labels[]): boolean {
  const targetFp = fingerprint(target);
  for (const rule of rules) {
    if (!matchesAll(rule.target, target)) continue;
    const targetIsSource = matchesAll(rule.source, target);
    for (const src of firing) {
      if (!matchesAll(rule.source, src)) continue;
      if (fingerprint(src) === targetFp) continue;
      if (targetIsSource && matchesAll(rule.target, src)) continue;
      if (rule.equal.every((l) => (src[l] ?? '') === (target[l] ?? ''))) return true;
    }
  }
  return false;
}
