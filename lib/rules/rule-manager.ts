import type { PostableAlert } from './alert-rule';
import type { RuleGroupDef } from './rule-file';
import { type GroupStateJSON, RuleGroup, type RuleGroupOptions } from './rule-group';

export type RuleManagerState = Record<string, GroupStateJSON>;

const groupKey = (def: { file: string; name: string }) => `${def.file}\u0000${def.name}`;

/**
 * Owns the loaded groups: evaluates each at multiples of its interval and carries state across
 * reloads (same file and group name) and restarts (toJSON/constructor).
 */
export class RuleManager {
  private groups = new Map<string, { group: RuleGroup; nextAt: number }>();

  constructor(
    private readonly opts: RuleGroupOptions,
    defs: RuleGroupDef[] = [],
    saved: RuleManagerState | null = null,
  ) {
    this.load(defs, saved);
  }

  /** Replaces the groups; unchanged rules keep their alerts, `for` clocks and send times. */
  load(defs: RuleGroupDef[], saved: RuleManagerState | null = null): void {
    const previous = saved ?? this.toJSON();
    const next = new Map<string, { group: RuleGroup; nextAt: number }>();
    for (const def of defs) {
      const key = groupKey(def);
      next.set(key, {
        group: RuleGroup.fromJSON(def, this.opts, previous[key]),
        nextAt: this.groups.get(key)?.nextAt ?? 0,
      });
    }
    this.groups = next;
  }

  /** Evaluates the groups that are due at `now`; returns the alerts for the dispatcher. */
  tick(now: number): PostableAlert[] {
    const out: PostableAlert[] = [];
    for (const entry of this.groups.values()) {
      if (entry.nextAt > now) continue;
      out.push(...entry.group.evaluateGroup(now).toSend);
      const interval = entry.group.intervalMs;
      entry.nextAt = (Math.floor(now / interval) + 1) * interval;
    }
    return out;
  }

  /** When the next group is due (for a timer-driven loop). */
  nextDueAt(): number {
    let min = Infinity;
    for (const e of this.groups.values()) min = Math.min(min, e.nextAt);
    return min;
  }

  list(): RuleGroup[] {
    return [...this.groups.values()].map((e) => e.group);
  }

  toJSON(): RuleManagerState {
    const out: RuleManagerState = {};
    for (const [k, e] of this.groups) out[k] = e.group.toJSON();
    return out;
  }
}
