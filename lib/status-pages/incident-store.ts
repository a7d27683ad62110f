import type { Db } from '@/lib/db/connection';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { listStatusIncidents, type StatusIncident } from '@/lib/queries/list-status-incidents';
import type { IncidentInput, IncidentPatch, IncidentUpdateInput } from './page-schema';
import { forgetRendered } from './public-cache';

const DONE = new Set(['resolved', 'completed']);

function pageExists(db: Db, pageId: number): void {
  if (!db.prepare('SELECT 1 FROM status_pages WHERE id = ?').get(pageId)) throw new NotFoundError('status page');
}

function ms(iso: string | null | undefined): number | null | undefined {
  return iso === undefined ? undefined : iso === null ? null : Date.parse(iso);
}

function checkWindow(kind: string, start: number, end: number | null): void {
  if (kind === 'maintenance' && end === null)
    throw new InvalidInputError('invalid_body', 'ends_at: maintenance needs an end', [
      { path: 'ends_at', message: 'maintenance needs an end' },
    ]);
  if (end !== null && end < start)
    throw new InvalidInputError('invalid_body', 'ends_at: must not be before starts_at', [
      { path: 'ends_at', message: 'must not be before starts_at' },
    ]);
}

export function getStatusIncident(db: Db, pageId: number, id: number): StatusIncident {
  const [incident] = listStatusIncidents(db, pageId, { id });
  if (!incident) throw new NotFoundError('incident');
  return incident;
}

/** Opens an incident (or schedules maintenance) by hand, with its first update when a message is given. */
export function createStatusIncident(db: Db, pageId: number, input: IncidentInput, now: number): StatusIncident {
  pageExists(db, pageId);
  const maintenance = input.kind === 'maintenance';
  const status = input.status ?? (maintenance ? 'scheduled' : 'investigating');
  const start = ms(input.starts_at) ?? now;
  let end = ms(input.ends_at) ?? null;
  if (!maintenance && DONE.has(status) && end === null) end = now;
  checkWindow(input.kind, start, end);
  const id = db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO status_incidents (page_id, kind, title, status, impact, components, postmortem, starts_at, ends_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        pageId,
        input.kind,
        input.title,
        status,
        input.impact ?? (maintenance ? 'maintenance' : 'minor'),
        JSON.stringify(input.components),
        input.postmortem ?? null,
        start,
        end,
        now,
        now,
      );
    if (input.message)
      db.prepare('INSERT INTO status_incident_updates (incident_id, ts, status, body) VALUES (?, ?, ?, ?)').run(
        lastInsertRowid,
        now,
        status,
        input.message,
      );
    return Number(lastInsertRowid);
  })();
  forgetRendered();
  return getStatusIncident(db, pageId, id);
}

export function updateStatusIncident(
  db: Db,
  pageId: number,
  id: number,
  patch: IncidentPatch,
  now: number,
): StatusIncident {
  const current = getStatusIncident(db, pageId, id);
  const start = ms(patch.starts_at) ?? Date.parse(current.starts_at);
  const end = ms(patch.ends_at) === undefined ? (ms(current.ends_at) ?? null) : (ms(patch.ends_at) ?? null);
  checkWindow(current.kind, start, end);
  db.prepare(
    `UPDATE status_incidents SET title = ?, status = ?, impact = ?, components = ?, postmortem = ?, starts_at = ?,
     ends_at = ?, updated_at = ? WHERE id = ?`,
  ).run(
    patch.title ?? current.title,
    patch.status ?? current.status,
    patch.impact ?? current.impact,
    JSON.stringify(patch.components ?? current.components),
    patch.postmortem === undefined ? current.postmortem : patch.postmortem,
    start,
    end,
    now,
    id,
  );
  forgetRendered();
  return getStatusIncident(db, pageId, id);
}

/** A timestamped update; resolving an incident ends it now (its duration stays in the history). */
export function addIncidentUpdate(
  db: Db,
  pageId: number,
  id: number,
  input: IncidentUpdateInput,
  now: number,
): StatusIncident {
  const current = getStatusIncident(db, pageId, id);
  db.transaction(() => {
    db.prepare('INSERT INTO status_incident_updates (incident_id, ts, status, body) VALUES (?, ?, ?, ?)').run(
      id,
      now,
      input.status,
      input.message,
    );
    const end = current.kind === 'incident' ? (DONE.has(input.status) ? now : null) : ms(current.ends_at);
    db.prepare('UPDATE status_incidents SET status = ?, ends_at = ?, updated_at = ? WHERE id = ?').run(
      input.status,
      end ?? null,
      now,
      id,
    );
  })();
  forgetRendered();
  return getStatusIncident(db, pageId, id);
}

export function deleteStatusIncident(db: Db, pageId: number, id: number): void {
  if (db.prepare('DELETE FROM status_incidents WHERE id = ? AND page_id = ?').run(id, pageId).changes === 0)
    throw new NotFoundError('incident');
  forgetRendered();
}
