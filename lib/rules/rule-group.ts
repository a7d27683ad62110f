import {
  type ActiveAlert,
  type AlertState,
  applyRuleResult,
  collectAlertsToSend,
  emptyRuleState,
  type PostableAlert,
  type RuleHealth,
  type RuleState,
  ruleAlertState,
} from './alert-rule';
import { evaluateInstant } from './promql';
import type { AlertRuleDef, RuleGroupDef } from './rule-file';
import type { SeriesSource } from './series-source';

export type RuleStatus = {
  name: string;
  kind: 'alert' | 'record';
  expr: string;
  forMs: number;
  keepFiringForMs: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertState;
  health: RuleHealth;
  lastError: string | null;
  lastEvaluationMs: number | null;
  alerts: ActiveAlert[];
};

export type GroupEvaluation = {
  alerts: (ActiveAlert & { rule: string })[];
  health: RuleHealth;
  lastError: string | null;
  lastEvaluation: number;
  /** Alerts due for the dispatcher (Prometheus's sendAlerts); pending alerts never appear here. */
  toSend: PostableAlert[];
};

export type GroupStateJSON = { version: 1; name: string; file: string; rules: Record<string, RuleState> };

export type RuleGroupOptions = {
  source: SeriesSource;
  resendDelayMs?: number;
  lookbackMs?: number;
  generatorURL?: (rule: AlertRuleDef) => string;
};

/** One rule group: evaluates its rules in order at `now` and carries their serialisable state. */
export class RuleGroup {
  private states: RuleState[];
  private keys: string[];

  constructor(
    readonly def: RuleGroupDef,
    private readonly opts: RuleGroupOptions,
    saved?: GroupStateJSON | null,
  ) {
    const counts = new Map<string, number>();
    // State is keyed by name and occurrence so a reload keeps the state of unchanged rules.
    this.keys = def.rules.map((r) => {
      const n = counts.get(r.name) ?? 0;
      counts.set(r.name, n + 1);
      return `${r.name}#${n}`;
    });
    this.states = this.keys.map((k) => structuredClone(saved?.rules[k]) ?? emptyRuleState());
  }

  get intervalMs(): number {
    return this.def.intervalMs;
  }

  evaluateGroup(now: number): GroupEvaluation {
    const toSend: PostableAlert[] = [];
    this.def.rules.forEach((rule, i) => {
      const state = this.states[i];
      state.lastEvaluationMs = now;
      if (!rule.expr) {
        state.health = 'err';
        state.lastError = rule.unsupported ?? 'expression could not be parsed';
        return;
      }
      try {
        const samples = evaluateInstant(rule.expr, this.opts.source, now, this.opts.lookbackMs);
        applyRuleResult(rule, state, samples, now, this.def.limit);
        state.health = 'ok';
        state.lastError = null;
      } catch (err) {
        state.health = 'err';
        state.lastError = err instanceof Error ? err.message : String(err);
        return;
      }
      const url = this.opts.generatorURL?.(rule) ?? '';
      toSend.push(...collectAlertsToSend(state, now, this.opts.resendDelayMs ?? 60_000, this.def.intervalMs, url));
    });
    const firstErr = this.states.find((s) => s.health === 'err');
    return {
      alerts: this.alerts(),
      health: firstErr ? 'err' : 'ok',
      lastError: firstErr?.lastError ?? null,
      lastEvaluation: now,
      toSend,
    };
  }

  alerts(): (ActiveAlert & { rule: string })[] {
    return this.def.rules.flatMap((r, i) =>
      Object.values(this.states[i].active).map((a) => ({ ...structuredClone(a), rule: r.name })),
    );
  }

  status(): RuleStatus[] {
    return this.def.rules.map((r, i) => {
      const s = this.states[i];
      return {
        name: r.name,
        kind: r.kind,
        expr: r.exprText,
        forMs: r.forMs,
        keepFiringForMs: r.keepFiringForMs,
        labels: r.labels,
        annotations: r.annotations,
        state: ruleAlertState(s),
        health: s.health,
        lastError: s.lastError,
        lastEvaluationMs: s.lastEvaluationMs,
        alerts: Object.values(s.active).map((a) => structuredClone(a)),
      };
    });
  }

  toJSON(): GroupStateJSON {
    const rules: Record<string, RuleState> = {};
    this.keys.forEach((k, i) => (rules[k] = structuredClone(this.states[i])));
    return { version: 1, name: this.def.name, file: this.def.file, rules };
  }

  static fromJSON(def: RuleGroupDef, opts: RuleGroupOptions, json: unknown): RuleGroup {
    return new RuleGroup(def, opts, isGroupState(json) ? json : null);
  }
}

function isGroupState(v: unknown): v is GroupStateJSON {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { version?: unknown }).version === 1 &&
    typeof (v as { rules?: unknown }).rules === 'object'
  );
}
