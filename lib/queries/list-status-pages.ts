import type { Db } from '@/lib/db/connection';
import type { Group } from '@/lib/status-pages/page-schema';
import { toIso } from '@/lib/time/iso';

export interface StatusPageRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  logo: string | null;
  host: string | null;
  show_latency: number;
  groups: string;
  provisioned: number;
  created_at: number;
  updated_at: number;
}

export function shapeStatusPage(r: StatusPageRow) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    logo: r.logo,
    host: r.host,
    show_latency: r.show_latency === 1,
    groups: JSON.parse(r.groups) as Group[],
    provisioned: r.provisioned === 1,
    path: `/status/${r.slug}`,
    created_at: toIso(r.created_at),
    updated_at: toIso(r.updated_at),
  };
}

export type StatusPage = ReturnType<typeof shapeStatusPage>;

/** Every status page, by slug; `where` picks one by id, slug or host name. */
export function listStatusPages(db: Db, where?: { id?: number; slug?: string; host?: string }): StatusPage[] {
  const rows = db
    .prepare(
      `SELECT * FROM status_pages
       WHERE (@id IS NULL OR id = @id) AND (@slug IS NULL OR slug = @slug) AND (@host IS NULL OR host = @host)
       ORDER BY slug`,
    )
    .all({ id: where?.id ?? null, slug: where?.slug ?? null, host: where?.host ?? null }) as StatusPageRow[];
  return rows.map(shapeStatusPage);
}
