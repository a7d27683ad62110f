import { stringify } from 'yaml';
import { parseRuleFile, type RuleGroupDef } from '@/lib/rules/rule-file';
import type { Sli } from './slo-schema';
import type { Slo } from './slo-store';

/** Marks the generated groups apart from rule files and rules made in /alerts. */
export const SLO_RULES_FILE = '(generated from SLOs)';
export const BURN_ALERT = 'ErrorBudgetBurn';

/** The SRE workbook's multi-window, multi-burn-rate pairs (chapter 5, "Alerting on SLOs"). */
export const BURN_PAIRS = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'page' },
  { long: '6h', short: '30m', factor: 6, severity: 'page' },
  { long: '1d', short: '2h', factor: 3, severity: 'ticket' },
  { long: '3d', short: '6h', factor: 1, severity: 'ticket' },
] as const;

const quote = (v: string) => JSON.stringify(v);

function selector(name: string, labels: Record<string, string | undefined>, extra = ''): string {
  const parts = Object.entries(labels)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${quote(v)}`);
  if (extra) parts.push(extra);
  return `${name}{${parts.join(',')}}`;
}

/** The SLI's error ratio (bad / total) over the range `w` in PromQL over Lookout's derived series. */
export function errorRatioExpr(sli: Sli, w: string): string {
  switch (sli.kind) {
    case 'probe_availability':
      return `1 - avg_over_time(${selector('up', { job: sli.target })}[${w}])`;
    case 'request_availability': {
      const f = { job: sli.source, provider: sli.provider, model: sli.model };
      const badStatus = sli.rate_limited === 'bad' ? '5..|429|' : '5..|';
      const total = selector('http_requests_total', f, sli.rate_limited === 'excluded' ? 'status!="429"' : '');
      const bad = selector('http_requests_total', f, `status=~"${badStatus}"`);
      return `sum(rate(${bad}[${w}])) / sum(rate(${total}[${w}]))`;
    }
    case 'request_latency': {
      const f = { job: sli.source, provider: sli.provider };
      const le = String(sli.threshold_ms / 1000);
      const good = selector('http_request_duration_seconds_bucket', f, `le="${le}"`);
      const total = selector('http_request_duration_seconds_count', f);
      return `1 - sum(rate(${good}[${w}])) / sum(rate(${total}[${w}]))`;
    }
    case 'promql':
      return `1 - ${countExpr(sli.good, w)} / ${countExpr(sli.total, w)}`;
  }
}

/** A PromQL SLI's count over `w`: the expression with `$window` filled in, or the increase of a counter selector. */
export function countExpr(expr: string, w: string): string {
  return expr.includes('$window') ? `(${expr.replaceAll('$window', w)})` : `sum(increase(${expr}[${w}]))`;
}

/** 1 − objective as a fraction, printed without binary noise (99.5 → 0.005). */
export function budgetFraction(objective: number): number {
  return Number(((100 - objective) / 100).toPrecision(12));
}

/** The burn-rate alerts of one SLO as a Prometheus rule group (the form exported and evaluated). */
export function burnRuleGroup(slo: Slo, runbookBase: string) {
  const budget = budgetFraction(slo.objective);
  return {
    name: `slo:${slo.name}`,
    rules: BURN_PAIRS.map((p) => ({
      alert: BURN_ALERT,
      expr: `(${errorRatioExpr(slo.sli, p.long)}) > (${p.factor} * ${budget})\nand\n(${errorRatioExpr(slo.sli, p.short)}) > (${p.factor} * ${budget})`,
      labels: {
        slo: slo.name,
        severity: p.severity,
        long_window: p.long,
        short_window: p.short,
        ...(slo.service ? { service: slo.service } : {}),
      },
      annotations: {
        summary: `SLO "${slo.name}" is burning its error budget ${p.factor}× too fast`,
        description: `Over ${p.long} and ${p.short} the error ratio is above ${p.factor} × ${budget} (objective ${slo.objective} %, window ${slo.window}); the last value is {{ $value | humanizePercentage }}.`,
        runbook_url: `${runbookBase}/slos/${slo.id}`,
      },
    })),
  };
}

/** Every SLO's burn-rate rules as one Prometheus rule file. */
export function exportBurnRules(slos: Slo[], runbookBase: string): string {
  return stringify({ groups: slos.map((s) => burnRuleGroup(s, runbookBase)) }, { lineWidth: 0 });
}

/** The generated groups through the rule-file parser, so the engine runs exactly what the export says. */
export function burnRuleDefs(slos: Slo[], runbookBase: string, intervalMs: number): RuleGroupDef[] {
  return slos.flatMap((s) => {
    try {
      return parseRuleFile(exportBurnRules([s], runbookBase), SLO_RULES_FILE, intervalMs);
    } catch (err) {
      // A PromQL SLI the evaluator cannot run: the SLO still shows its budget, without alerts.
      console.error(`[lookout] SLO "${s.name}": burn-rate rules not loaded: ${(err as Error).message}`);
      return [];
    }
  });
}
