import type { Db } from '@/lib/db/connection';
import type { UiRule } from './ui-rules';

type Row = {
  id: number;
  name: string;
  expr: string;
  for_ms: number;
  keep_firing_for_ms: number;
  labels: string;
  annotations: string;
  created_at: number;
  updated_at: number;
};

export type UiRuleInput = Pick<UiRule, 'name' | 'expr' | 'forMs' | 'keepFiringForMs' | 'labels' | 'annotations'>;

const toRule = (r: Row): UiRule => ({
  id: r.id,
  name: r.name,
  expr: r.expr,
  forMs: r.for_ms,
  keepFiringForMs: r.keep_firing_for_ms,
  labels: JSON.parse(r.labels) as Record<string, string>,
  annotations: JSON.parse(r.annotations) as Record<string, string>,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (input: UiRuleInput) => ({
  name: input.name,
  expr: input.expr,
  for_ms: input.forMs,
  keep_firing_for_ms: input.keepFiringForMs,
  labels: JSON.stringify(input.labels),
  annotations: JSON.stringify(input.annotations),
});

/** Rules made in /alerts, in the order they were created (the order they are evaluated in). */
export function readUiRules(db: Db): UiRule[] {
  return (db.prepare('SELECT * FROM ui_rules ORDER BY id').all() as Row[]).map(toRule);
}

export function readUiRule(db: Db, id: number): UiRule | null {
  const row = db.prepare('SELECT * FROM ui_rules WHERE id = ?').get(id) as Row | undefined;
  return row ? toRule(row) : null;
}

export function insertUiRule(db: Db, input: UiRuleInput, now: number): number {
  const sql = `INSERT INTO ui_rules (name, expr, for_ms, keep_firing_for_ms, labels, annotations, created_at, updated_at)
               VALUES (:name, :expr, :for_ms, :keep_firing_for_ms, :labels, :annotations, :now, :now)`;
  return Number(db.prepare(sql).run({ ...params(input), now }).lastInsertRowid);
}

export function updateUiRule(db: Db, id: number, input: UiRuleInput, now: number): boolean {
  const sql = `UPDATE ui_rules SET name = :name, expr = :expr, for_ms = :for_ms, keep_firing_for_ms = :keep_firing_for_ms,
               labels = :labels, annotations = :annotations, updated_at = :now WHERE id = :id`;
  return db.prepare(sql).run({ ...params(input), now, id }).changes > 0;
}

export function deleteUiRule(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM ui_rules WHERE id = ?').run(id).changes > 0;
}
