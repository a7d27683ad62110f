import type { Db } from '@/lib/db/connection';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { type MaintenanceBody, normalizeMaintenance } from './window-schema';
import {
  deleteWindow,
  insertWindow,
  type MaintenanceWindow,
  readTargetNames,
  readWindow,
  readWindowByName,
  updateWindow,
} from './window-store';

/** `{id}` in /api/v1/maintenance/{id}: the window's number or its name. */
export function resolveWindow(db: Db, ref: string): MaintenanceWindow {
  const text = ref.trim();
  if (/^\d{1,15}$/.test(text)) {
    const w = readWindow(db, Number(text));
    if (!w) throw new NotFoundError(`maintenance window ${text}`);
    return w;
  }
  if (!text || text.length > 200)
    throw new InvalidInputError('invalid_parameter', 'id: must be a maintenance window number or name.');
  const w = readWindowByName(db, text);
  if (!w) throw new NotFoundError(`maintenance window "${text}"`);
  return w;
}

function assertFreeName(db: Db, name: string, self: number | null): void {
  const other = readWindowByName(db, name);
  if (other && other.id !== self)
    throw new ConflictError('name_taken', `name: a maintenance window named "${name}" exists (id ${other.id}).`, [
      { path: 'name', message: 'already used' },
    ]);
}

function assertEditable(w: MaintenanceWindow): void {
  if (w.provisioned)
    throw new ConflictError(
      'maintenance_provisioned',
      `maintenance window "${w.name}" comes from the provisioning file and is read-only here; edit maintenance_windows: in the file and reload.`,
    );
}

function assertTargetsExist(db: Db, targets: string[] | null): void {
  if (targets === null) return;
  const known = readTargetNames(db);
  const unknown = targets.filter((t) => !known.has(t));
  if (unknown.length)
    throw new InvalidInputError(
      'unknown_target',
      `targets: no target named ${unknown.map((t) => `"${t}"`).join(', ')}.`,
      [{ path: 'targets', message: `unknown: ${unknown.join(', ')}` }],
    );
}

export function createWindow(db: Db, body: MaintenanceBody, now: number): MaintenanceWindow {
  const input = normalizeMaintenance(body);
  assertFreeName(db, input.name, null);
  assertTargetsExist(db, input.targets);
  return readWindow(db, insertWindow(db, input, now)) as MaintenanceWindow;
}

export function replaceWindow(db: Db, ref: string, body: MaintenanceBody, now: number): MaintenanceWindow {
  const w = resolveWindow(db, ref);
  assertEditable(w);
  const input = normalizeMaintenance(body);
  assertFreeName(db, input.name, w.id);
  assertTargetsExist(db, input.targets);
  updateWindow(db, w.id, input, now);
  return readWindow(db, w.id) as MaintenanceWindow;
}

export function removeWindow(db: Db, ref: string): void {
  const w = resolveWindow(db, ref);
  assertEditable(w);
  deleteWindow(db, w.id);
}
