import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';

interface IncidentRow {
  id: number;
  page_id: number;
  kind: 'incident' | 'maintenance';
  title: string;
  status: string;
  impact: string;
  components: string;
  postmortem: string | null;
  starts_at: number;
  ends_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Incidents and maintenance of one page written by hand, newest first, each with its updates (newest first). */
export function listStatusIncidents(db: Db, pageId: number, opts: { id?: number; limit?: number } = {}) {
  const rows = db
    .prepare(
      `SELECT * FROM status_incidents WHERE page_id = @page AND (@id IS NULL OR id = @id)
       ORDER BY starts_at DESC, id DESC LIMIT @limit`,
    )
    .all({ page: pageId, id: opts.id ?? null, limit: opts.limit ?? 200 }) as IncidentRow[];
  const updates = db.prepare(
    'SELECT id, ts, status, body FROM status_incident_updates WHERE incident_id = ? ORDER BY ts DESC, id DESC',
  );
  return rows.map((r) => ({
    id: r.id,
    page_id: r.page_id,
    kind: r.kind,
    title: r.title,
    status: r.status,
    impact: r.impact,
    components: JSON.parse(r.components) as string[],
    postmortem: r.postmortem,
    starts_at: toIso(r.starts_at),
    ends_at: toIso(r.ends_at),
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at),
    updates: (updates.all(r.id) as { id: number; ts: number; status: string; body: string }[]).map((u) => ({
      id: u.id,
      at: toIso(u.ts),
      status: u.status,
      message: u.body,
    })),
  }));
}

export type StatusIncident = ReturnType<typeof listStatusIncidents>[number];
