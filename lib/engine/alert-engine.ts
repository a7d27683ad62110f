import { type Alerting, type AlertingState, createAlerting } from '@/lib/alerting';
import type { AlertmanagerEndpoint } from '@/lib/alerting/external/config';
import { AlertmanagerSender } from '@/lib/alerting/external/sender';
import type { NotificationRecord } from '@/lib/alerting/notification-log';
import type { Clock, TimerHandle } from '@/lib/clock';
import type { Provisioning } from '@/lib/config/provisioning';
import type { Db } from '@/lib/db/connection';
import { withLlmRules } from '@/lib/llm/llm-rules';
import { maintenanceLookup } from '@/lib/maintenance/alert-lookup';
import { loadRuleFiles, type RuleGroupDef, RuleManager, type RuleManagerState } from '@/lib/rules';
import { recordTransitions } from '@/lib/rules/alert-history-store';
import { type AlertSnapshot, diffAlerts, snapshotAlerts } from '@/lib/rules/alert-transitions';
import { ruleGeneratorURL } from '@/lib/rules/generator-url';
import { readUiRules } from '@/lib/rules/ui-rule-store';
import { uiRulesShell, withUiRules } from '@/lib/rules/ui-rules';
import { instanceOf } from '@/lib/series/probe-series';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { withSloRules } from '@/lib/slo/engine-rules';

const IDLE_CHECK_MS = 60_000;

function loadState<T>(db: Db, key: 'rules' | 'alerting'): T | null {
  const text = db.prepare('SELECT state FROM engine_state WHERE key = ?').pluck().get(key) as string | undefined;
  return text ? (JSON.parse(text) as T) : null;
}

/** Loads the provisioning file's rule files (and the group of /alerts rules); a broken file throws with its name, group and rule. */
export function loadRules(config: Provisioning, baseDir: string, evaluationIntervalMs: number): RuleGroupDef[] {
  return [...loadRuleFiles(config.rule_files ?? [], baseDir, evaluationIntervalMs), uiRulesShell(evaluationIntervalMs)];
}

/**
 * Evaluates the rule groups on their intervals over the derived series, hands alerts to the
 * Alertmanager-style dispatcher, and saves both states after every change.
 */
export class AlertEngine {
  readonly rules: RuleManager;
  alerting: Alerting | null = null;
  /** External Alertmanagers (`alerting.alertmanagers`), sent the same alerts as the built-in routing. */
  alertmanagers: AlertmanagerSender;
  private timer: TimerHandle | null = null;
  private readonly externalURL: string;
  private fileDefs: RuleGroupDef[];
  private lastAlerts: AlertSnapshot;
  /** Read by the system sampler: how long the last round of rule evaluation took (real time). */
  readonly evalStats = { evaluations: 0, failures: 0, lastSeconds: 0 };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    defs: RuleGroupDef[],
    alertingConfig: unknown,
    externalURL: string,
    alertmanagers: AlertmanagerEndpoint[] = [],
  ) {
    this.externalURL = externalURL;
    this.fileDefs = defs;
    this.rules = new RuleManager(
      {
        source: createSqliteSeriesSource(db, { sinceMs: clock.now(), instance: instanceOf(externalURL) }),
        generatorURL: (rule) => ruleGeneratorURL(externalURL, rule),
      },
      withLlmRules(withSloRules(withUiRules(defs, readUiRules(db)), defs, db, externalURL), defs, db),
      loadState<RuleManagerState>(db, 'rules'),
    );
    this.lastAlerts = snapshotAlerts(this.rules.list());
    this.alerting = this.buildAlerting(alertingConfig, loadState<AlertingState>(db, 'alerting'));
    this.alertmanagers = new AlertmanagerSender(alertmanagers, clock);
  }

  start(): void {
    const tick = () => {
      const began = performance.now();
      try {
        const now = this.clock.now();
        const alerts = this.rules.tick(now);
        this.save('rules', this.rules.toJSON());
        if (alerts.length) this.alerting?.dispatcher.put(alerts);
        this.alertmanagers.send(alerts);
        this.recordHistory(now);
      } catch (err) {
        this.evalStats.failures++;
        console.error('[lookout] rule evaluation failed', err);
      }
      this.evalStats.evaluations++;
      this.evalStats.lastSeconds = (performance.now() - began) / 1000;
      const next = this.rules.nextDueAt();
      const wait = Number.isFinite(next) ? Math.max(0, next - this.clock.now()) : IDLE_CHECK_MS;
      this.timer = this.clock.setTimeout(tick, wait);
    };
    this.timer = this.clock.setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    await this.alerting?.dispatcher.stop();
    await this.alertmanagers.flush();
    this.persist();
  }

  /** Applies new rule files and a new `alerting:` block, keeping every alert's state. */
  reload(defs: RuleGroupDef[], alertingConfig: unknown, alertmanagers: AlertmanagerEndpoint[] = []): void {
    const saved = this.alerting?.toJSON() ?? loadState<AlertingState>(this.db, 'alerting');
    const next = this.buildAlerting(alertingConfig, saved);
    void this.alerting?.dispatcher.stop();
    this.alerting = next;
    this.alertmanagers = new AlertmanagerSender(alertmanagers, this.clock);
    this.fileDefs = defs;
    this.rules.load(this.allDefs());
    this.persist();
  }

  /** Applies a change to the rules made in /alerts; every other group keeps its state. */
  reloadUiRules(): void {
    this.rules.load(this.allDefs());
    this.persist();
  }

  /** Applies a change to the SLOs: their generated burn-rate groups; every other group keeps its state. */
  reloadSlos(): void {
    this.reloadUiRules();
  }

  private allDefs(): RuleGroupDef[] {
    const defs = withSloRules(
      withUiRules(this.fileDefs, readUiRules(this.db)),
      this.fileDefs,
      this.db,
      this.externalURL,
    );
    return withLlmRules(defs, this.fileDefs, this.db);
  }

  /** Appends the pending/firing/resolved transitions of the last evaluation to the alert history. */
  private recordHistory(now: number): void {
    const next = snapshotAlerts(this.rules.list());
    try {
      recordTransitions(this.db, diffAlerts(this.lastAlerts, next, now));
    } catch (err) {
      console.error('[lookout] recording alert history failed', err);
    }
    this.lastAlerts = next;
  }

  /** Saves both states now: after a silence changes, and at shutdown. */
  persist(): void {
    this.save('rules', this.rules.toJSON());
    if (this.alerting) this.save('alerting', this.alerting.toJSON());
  }

  private buildAlerting(raw: unknown, saved: AlertingState | null): Alerting | null {
    if (raw === undefined || raw === null) return null;
    let built: Alerting | null = null;
    built = createAlerting(
      raw,
      {
        clock: this.clock,
        externalURL: this.externalURL,
        onChange: () => built && this.save('alerting', built.toJSON()),
        onNotification: (r) => this.record(r),
        maintenance: maintenanceLookup(this.db),
      },
      saved,
    );
    return built;
  }

  private record(r: NotificationRecord): void {
    this.db
      .prepare(
        `INSERT INTO notifications (at, receiver, integration, group_key, status, alerts, ok, attempts, error, muted_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.at,
        r.receiver,
        r.integration,
        r.groupKey,
        r.status,
        r.alerts,
        r.ok ? 1 : 0,
        r.attempts,
        r.error,
        r.mutedBy ?? null,
      );
  }

  private save(key: 'rules' | 'alerting', state: unknown): void {
    this.db
      .prepare(
        `INSERT INTO engine_state (key, state, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      )
      .run(key, JSON.stringify(state), this.clock.now());
  }
}
