import type { Db } from '@/lib/db/connection';
import type { MaintenanceInput } from './window-schema';

export interface MaintenanceWindow extends MaintenanceInput {
  id: number;
  provisioned: boolean;
  createdAt: number;
  updatedAt: number;
}

type Row = {
  id: number;
  name: string;
  targets: string | null;
  starts_at: number;
  ends_at: number | null;
  schedule: string | null;
  reason: string;
  provisioned: number;
  created_at: number;
  updated_at: number;
};

const toWindow = (r: Row): MaintenanceWindow => ({
  id: r.id,
  name: r.name,
  targets: r.targets === null ? null : (JSON.parse(r.targets) as string[]),
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  schedule: r.schedule === null ? null : (JSON.parse(r.schedule) as Record<string, unknown>[]),
  reason: r.reason,
  provisioned: r.provisioned === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (w: MaintenanceInput) => ({
  name: w.name,
  targets: w.targets === null ? null : JSON.stringify(w.targets),
  starts_at: w.startsAt,
  ends_at: w.endsAt,
  schedule: w.schedule === null ? null : JSON.stringify(w.schedule),
  reason: w.reason,
});

/** Every window, soonest start first. */
export function readWindows(db: Db): MaintenanceWindow[] {
  return (db.prepare('SELECT * FROM maintenance_windows ORDER BY starts_at, id').all() as Row[]).map(toWindow);
}

/** The windows that may apply at some instant of [from, to]: the engine's hot path reads only these. */
export function readWindowsAround(db: Db, from: number, to: number): MaintenanceWindow[] {
  const rows = db
    .prepare('SELECT * FROM maintenance_windows WHERE starts_at <= ? AND (ends_at IS NULL OR ends_at > ?)')
    .all(to, from) as Row[];
  return rows.map(toWindow);
}

export function readWindow(db: Db, id: number): MaintenanceWindow | null {
  const row = db.prepare('SELECT * FROM maintenance_windows WHERE id = ?').get(id) as Row | undefined;
  return row ? toWindow(row) : null;
}

export function readWindowByName(db: Db, name: string): MaintenanceWindow | null {
  const row = db.prepare('SELECT * FROM maintenance_windows WHERE name = ?').get(name) as Row | undefined;
  return row ? toWindow(row) : null;
}

export function insertWindow(db: Db, w: MaintenanceInput, now: number, provisioned = false): number {
  const sql = `INSERT INTO maintenance_windows (name, targets, starts_at, ends_at, schedule, reason, provisioned, created_at, updated_at)
               VALUES (:name, :targets, :starts_at, :ends_at, :schedule, :reason, :provisioned, :now, :now)`;
  return Number(db.prepare(sql).run({ ...params(w), provisioned: provisioned ? 1 : 0, now }).lastInsertRowid);
}

export function updateWindow(db: Db, id: number, w: MaintenanceInput, now: number, provisioned?: boolean): void {
  const sql = `UPDATE maintenance_windows SET name = :name, targets = :targets, starts_at = :starts_at, ends_at = :ends_at,
               schedule = :schedule, reason = :reason, provisioned = coalesce(:provisioned, provisioned), updated_at = :now
               WHERE id = :id`;
  const p = provisioned === undefined ? null : provisioned ? 1 : 0;
  db.prepare(sql).run({ ...params(w), provisioned: p, now, id });
}

export function deleteWindow(db: Db, id: number): void {
  db.prepare('DELETE FROM maintenance_windows WHERE id = ?').run(id);
}

/** The names windows may cover: targets are matched by name, so a window outlives a target's id. */
export function readTargetNames(db: Db): Set<string> {
  return new Set(db.prepare('SELECT name FROM targets').pluck().all() as string[]);
}
