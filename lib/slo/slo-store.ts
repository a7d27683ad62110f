import type { Db } from '@/lib/db/connection';
import type { Sli, SloInput, SloWindow } from './slo-schema';

export interface Slo extends SloInput {
  id: number;
  provisioned: boolean;
  createdAt: number;
  updatedAt: number;
}

type Row = {
  id: number;
  name: string;
  service: string | null;
  description: string | null;
  objective: number;
  window: string;
  sli: string;
  provisioned: number;
  created_at: number;
  updated_at: number;
};

const toSlo = (r: Row): Slo => ({
  id: r.id,
  name: r.name,
  ...(r.service !== null ? { service: r.service } : {}),
  ...(r.description !== null ? { description: r.description } : {}),
  objective: r.objective,
  window: r.window as SloWindow,
  sli: JSON.parse(r.sli) as Sli,
  provisioned: r.provisioned === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (s: SloInput) => ({
  name: s.name,
  service: s.service ?? null,
  description: s.description ?? null,
  objective: s.objective,
  window: s.window,
  sli: JSON.stringify(s.sli),
});

export function readSlos(db: Db): Slo[] {
  return (db.prepare('SELECT * FROM slos ORDER BY name').all() as Row[]).map(toSlo);
}

export function readSlo(db: Db, id: number): Slo | null {
  const row = db.prepare('SELECT * FROM slos WHERE id = ?').get(id) as Row | undefined;
  return row ? toSlo(row) : null;
}

export function readSloByName(db: Db, name: string): Slo | null {
  const row = db.prepare('SELECT * FROM slos WHERE name = ?').get(name) as Row | undefined;
  return row ? toSlo(row) : null;
}

export function insertSlo(db: Db, s: SloInput, now: number, provisioned = false): number {
  const sql = `INSERT INTO slos (name, service, description, objective, window, sli, provisioned, created_at, updated_at)
               VALUES (:name, :service, :description, :objective, :window, :sli, :provisioned, :now, :now)`;
  return Number(db.prepare(sql).run({ ...params(s), provisioned: provisioned ? 1 : 0, now }).lastInsertRowid);
}

export function updateSlo(db: Db, id: number, s: SloInput, now: number): void {
  const sql = `UPDATE slos SET name = :name, service = :service, description = :description, objective = :objective,
               window = :window, sli = :sli, updated_at = :now WHERE id = :id`;
  db.prepare(sql).run({ ...params(s), now, id });
}

export function deleteSlo(db: Db, id: number): void {
  db.prepare('DELETE FROM slos WHERE id = ?').run(id);
}

export function markSloProvisioned(db: Db, id: number): void {
  db.prepare('UPDATE slos SET provisioned = 1 WHERE id = ?').run(id);
}
