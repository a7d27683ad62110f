import type { Db } from '@/lib/db/connection';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { BudgetInput } from './budget-schema';
import { type Budget, deleteBudget, insertBudget, readBudget, updateBudget } from './budget-store';

export function resolveBudget(db: Db, ref: string): Budget {
  const b = readBudget(db, ref.trim());
  if (!b) throw new NotFoundError(`budget "${ref.trim()}"`);
  return b;
}

function assertFreeName(db: Db, name: string, self: number | null): void {
  const other = readBudget(db, name);
  if (other && other.id !== self)
    throw new ConflictError('name_taken', `name: a budget named "${name}" exists (id ${other.id}); choose another.`, [
      { path: 'name', message: 'already used' },
    ]);
}

function assertEditable(b: Budget): void {
  if (b.provisioned)
    throw new ConflictError(
      'budget_provisioned',
      `budget "${b.name}" comes from the provisioning file and is read-only here; edit llm.budgets in the file and reload.`,
    );
}

export function createBudget(db: Db, input: BudgetInput, now: number): Budget {
  assertFreeName(db, input.name, null);
  return resolveBudget(db, String(insertBudget(db, input, now, false)));
}

export function replaceBudget(db: Db, ref: string, input: BudgetInput, now: number): Budget {
  const b = resolveBudget(db, ref);
  assertEditable(b);
  assertFreeName(db, input.name, b.id);
  updateBudget(db, b.id, input, now, false);
  return resolveBudget(db, String(b.id));
}

export function removeBudget(db: Db, ref: string): void {
  const b = resolveBudget(db, ref);
  assertEditable(b);
  deleteBudget(db, b.id);
}
