import { fingerprint, formatLabels, type Labels, sortLabels } from './labels';
import type { Sample } from './promql';
import type { AlertRuleDef } from './rule-file';
import { expandOrExplain } from './template';

export type AlertState = 'inactive' | 'pending' | 'firing';
export type RuleHealth = 'unknown' | 'ok' | 'err';

export type ActiveAlert = {
  labels: Labels;
  annotations: Labels;
  state: AlertState;
  value: number;
  activeAtMs: number;
  firedAtMs: number | null;
  resolvedAtMs: number | null;
  lastSentAtMs: number | null;
  validUntilMs: number | null;
  keepFiringSinceMs: number | null;
};

export type RuleState = {
  health: RuleHealth;
  lastError: string | null;
  lastEvaluationMs: number | null;
  active: Record<string, ActiveAlert>;
};

/** What Prometheus's notifier posts to Alertmanager. */
export type PostableAlert = {
  labels: Labels;
  annotations: Labels;
  startsAt: number;
  endsAt: number;
  generatorURL: string;
};

/** Resolved alerts are kept (and re-sent) this long, as in Prometheus. */
export const RESOLVED_RETENTION_MS = 15 * 60_000;

export function emptyRuleState(): RuleState {
  return { health: 'unknown', lastError: null, lastEvaluationMs: null, active: {} };
}

/**
 * Prometheus's AlertingRule.Eval on an already-evaluated vector: builds alerts (identity = label
 * set after templating), moves inactive → pending → firing after `for`, honours keep_firing_for,
 * and keeps resolved alerts for 15 minutes. Mutates and returns `state`.
 */
export function applyRuleResult(
  def: AlertRuleDef,
  state: RuleState,
  samples: Sample[],
  ts: number,
  limit = 0,
): RuleState {
  const current = new Map<string, ActiveAlert>();
  for (const s of samples) {
    const data = { labels: s.labels, value: s.value, alertName: def.name };
    const expand = (m: Labels) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, expandOrExplain(v, data)]));
    const { __name__: _name, ...rest } = s.labels;
    const labels = sortLabels({ ...rest, ...expand(def.labels), alertname: def.name });
    const fp = fingerprint(labels);
    if (current.has(fp))
      throw new Error(
        `vector contains metrics with the same labelset after applying alert labels: ${formatLabels(labels)}`,
      );
    current.set(fp, {
      labels,
      annotations: expand(def.annotations),
      state: 'pending',
      value: s.value,
      activeAtMs: ts,
      firedAtMs: null,
      resolvedAtMs: null,
      lastSentAtMs: null,
      validUntilMs: null,
      keepFiringSinceMs: null,
    });
  }
  for (const [fp, a] of current) {
    const existing = state.active[fp];
    if (existing && existing.state !== 'inactive') {
      existing.value = a.value;
      existing.annotations = a.annotations;
      continue;
    }
    state.active[fp] = a;
  }
  let activeCount = 0;
  for (const [fp, a] of Object.entries(state.active)) {
    if (!current.has(fp)) {
      let keepFiring = false;
      if (a.state === 'firing' && def.keepFiringForMs > 0) {
        a.keepFiringSinceMs ??= ts;
        keepFiring = ts - a.keepFiringSinceMs < def.keepFiringForMs;
      }
      if (a.state === 'pending' || (a.resolvedAtMs !== null && ts - a.resolvedAtMs > RESOLVED_RETENTION_MS)) {
        delete state.active[fp];
      }
      if (a.state !== 'inactive' && !keepFiring) {
        a.state = 'inactive';
        a.resolvedAtMs = ts;
      }
      if (!keepFiring) continue;
    } else {
      a.keepFiringSinceMs = null;
    }
    activeCount++;
    if (a.state === 'pending' && ts - a.activeAtMs >= def.forMs) {
      a.state = 'firing';
      a.firedAtMs = ts;
    }
  }
  if (limit > 0 && activeCount > limit) {
    state.active = {};
    throw new Error(`exceeded limit of ${limit} with ${activeCount} alerts`);
  }
  return state;
}

/** Prometheus's needsSending: never pending; once after resolving; otherwise every resendDelay. */
export function needsSending(a: ActiveAlert, ts: number, resendDelayMs: number): boolean {
  if (a.state === 'pending') return false;
  if (a.resolvedAtMs !== null && (a.lastSentAtMs === null || a.resolvedAtMs > a.lastSentAtMs)) return true;
  return a.lastSentAtMs === null || a.lastSentAtMs + resendDelayMs < ts;
}

/** Marks due alerts as sent and returns them in Alertmanager's posting form. */
export function collectAlertsToSend(
  state: RuleState,
  ts: number,
  resendDelayMs: number,
  intervalMs: number,
  generatorURL: string,
): PostableAlert[] {
  const out: PostableAlert[] = [];
  for (const a of Object.values(state.active)) {
    if (!needsSending(a, ts, resendDelayMs)) continue;
    a.lastSentAtMs = ts;
    // Allow for two missed evaluations or sends before Alertmanager resolves the alert itself.
    a.validUntilMs = ts + 4 * Math.max(resendDelayMs, intervalMs);
    out.push({
      labels: { ...a.labels },
      annotations: { ...a.annotations },
      // Prometheus posts FiredAt, not ActiveAt: the alert starts when it leaves pending.
      startsAt: a.firedAtMs ?? a.activeAtMs,
      endsAt: a.resolvedAtMs ?? a.validUntilMs,
      generatorURL,
    });
  }
  return out;
}

export function ruleAlertState(state: RuleState): AlertState {
  const states = Object.values(state.active).map((a) => a.state);
  return states.includes('firing') ? 'firing' : states.includes('pending') ? 'pending' : 'inactive';
}
