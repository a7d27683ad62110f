import { parseDuration } from '@/lib/config/duration';
import type { Db } from '@/lib/db/connection';
import type { BudgetInput, BudgetPeriod } from './budget-schema';

export interface Budget {
  id: number;
  name: string;
  provider: string | null;
  model: string | null;
  client: string | null;
  /** A UTC calendar period, or null for a rolling window. */
  period: BudgetPeriod | null;
  /** A rolling window ending now, in ms, or null for a calendar period. */
  window_ms: number | null;
  limit_usd: number;
  provisioned: boolean;
}

type Row = Omit<Budget, 'provisioned'> & { provisioned: number };

const shape = (r: Row): Budget => ({ ...r, provisioned: r.provisioned === 1 });

export function readBudgets(db: Db): Budget[] {
  return (
    db
      .prepare(
        'SELECT id, name, provider, model, client, period, window_ms, limit_usd, provisioned FROM llm_budgets ORDER BY name',
      )
      .all() as Row[]
  ).map(shape);
}

export function readBudget(db: Db, ref: string): Budget | undefined {
  const row = db
    .prepare(
      'SELECT id, name, provider, model, client, period, window_ms, limit_usd, provisioned FROM llm_budgets WHERE CAST(id AS TEXT) = ? OR name = ?',
    )
    .get(ref, ref) as Row | undefined;
  return row && shape(row);
}

const params = (b: BudgetInput) => ({
  name: b.name,
  provider: b.provider ?? null,
  model: b.model ?? null,
  client: b.client ?? null,
  period: b.period ?? null,
  window: b.window === undefined ? null : parseDuration(b.window),
  limit: b.limit_usd,
});

export function insertBudget(db: Db, b: BudgetInput, now: number, provisioned: boolean): number {
  return Number(
    db
      .prepare(
        `INSERT INTO llm_budgets (name, provider, model, client, period, window_ms, limit_usd, provisioned, created_at, updated_at)
         VALUES (@name, @provider, @model, @client, @period, @window, @limit, @provisioned, @now, @now)`,
      )
      .run({ ...params(b), provisioned: provisioned ? 1 : 0, now }).lastInsertRowid,
  );
}

export function updateBudget(db: Db, id: number, b: BudgetInput, now: number, provisioned: boolean): void {
  db.prepare(
    `UPDATE llm_budgets SET name = @name, provider = @provider, model = @model, client = @client, period = @period,
       window_ms = @window, limit_usd = @limit, provisioned = @provisioned, updated_at = @now WHERE id = @id`,
  ).run({ ...params(b), provisioned: provisioned ? 1 : 0, now, id });
}

export function deleteBudget(db: Db, id: number): void {
  db.prepare('DELETE FROM llm_budgets WHERE id = ?').run(id);
}

/** The file's `llm.budgets` by name: created, updated (also ones made in /settings) or, when gone from it, deleted. */
export function syncProvisionedBudgets(db: Db, inputs: readonly BudgetInput[], now: number): number {
  db.transaction(() => {
    const existing = new Map(readBudgets(db).map((b) => [b.name, b]));
    const wanted = new Set(inputs.map((b) => b.name));
    for (const b of inputs) {
      const current = existing.get(b.name);
      if (current) updateBudget(db, current.id, b, now, true);
      else insertBudget(db, b, now, true);
    }
    for (const b of existing.values()) if (b.provisioned && !wanted.has(b.name)) deleteBudget(db, b.id);
  })();
  return inputs.length;
}
