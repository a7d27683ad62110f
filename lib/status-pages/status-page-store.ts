import type { Db } from '@/lib/db/connection';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { listStatusPages, type StatusPage } from '@/lib/queries/list-status-pages';
import { setStatusHosts } from './hosts';
import type { StatusPageInput, StatusPagePatch } from './page-schema';
import { forgetRendered } from './public-cache';

/** After any change: the host map proxy.ts reads, and no cached public answer from before it. */
export function refreshStatusPages(db: Db): void {
  const hosts = db.prepare('SELECT host, slug FROM status_pages WHERE host IS NOT NULL').all() as {
    host: string;
    slug: string;
  }[];
  setStatusHosts(new Map(hosts.map((h) => [h.host, h.slug])));
  forgetRendered();
}

function clash(db: Db, input: { slug?: string; host?: string | null }, id: number | null): void {
  const taken = db
    .prepare('SELECT slug, host FROM status_pages WHERE (slug = @slug OR host = @host) AND id IS NOT @id')
    .get({ slug: input.slug ?? null, host: input.host ?? null, id }) as { slug: string; host: string } | undefined;
  if (!taken) return;
  const field = taken.slug === input.slug ? 'slug' : 'host';
  throw new ConflictError(`${field}_taken`, `another status page already uses this ${field}`, [
    { path: field, message: `${field} is taken` },
  ]);
}

export function createStatusPage(db: Db, input: StatusPageInput, now: number, provisioned = false): StatusPage {
  clash(db, input, null);
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO status_pages (slug, title, description, logo, host, show_latency, groups, provisioned, created_at, updated_at)
       VALUES (@slug, @title, @description, @logo, @host, @show_latency, @groups, @provisioned, @now, @now)`,
    )
    .run({
      ...input,
      logo: input.logo ?? null,
      host: input.host ?? null,
      show_latency: input.show_latency ? 1 : 0,
      groups: JSON.stringify(input.groups),
      provisioned: provisioned ? 1 : 0,
      now,
    });
  refreshStatusPages(db);
  return listStatusPages(db, { id: Number(lastInsertRowid) })[0];
}

export function updateStatusPage(db: Db, id: number, patch: StatusPagePatch, now: number): StatusPage {
  const [current] = listStatusPages(db, { id });
  if (!current) throw new NotFoundError('status page');
  const next = { ...current, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  clash(db, next, id);
  db.prepare(
    `UPDATE status_pages SET slug = @slug, title = @title, description = @description, logo = @logo, host = @host,
     show_latency = @show_latency, groups = @groups, updated_at = @now WHERE id = @id`,
  ).run({
    id,
    slug: next.slug,
    title: next.title,
    description: next.description,
    logo: next.logo ?? null,
    host: next.host ?? null,
    show_latency: next.show_latency ? 1 : 0,
    groups: JSON.stringify(next.groups),
    now,
  });
  refreshStatusPages(db);
  return listStatusPages(db, { id })[0];
}

export function deleteStatusPage(db: Db, id: number): void {
  if (db.prepare('DELETE FROM status_pages WHERE id = ?').run(id).changes === 0) throw new NotFoundError('status page');
  refreshStatusPages(db);
}

/** Makes the provisioned pages match the file, by slug; pages made in /settings or the API are left alone. */
export function syncProvisionedStatusPages(db: Db, inputs: StatusPageInput[], now: number): number {
  const existing = db.prepare('SELECT id, slug, provisioned FROM status_pages').all() as {
    id: number;
    slug: string;
    provisioned: number;
  }[];
  const bySlug = new Map(existing.map((p) => [p.slug, p]));
  const wanted = new Set(inputs.map((p) => p.slug));
  for (const p of existing) if (p.provisioned && !wanted.has(p.slug)) deleteStatusPage(db, p.id);
  for (const input of inputs) {
    const current = bySlug.get(input.slug);
    if (!current) createStatusPage(db, input, now, true);
    else {
      updateStatusPage(db, current.id, input, now);
      db.prepare('UPDATE status_pages SET provisioned = 1 WHERE id = ?').run(current.id);
    }
  }
  refreshStatusPages(db);
  return inputs.length;
}
