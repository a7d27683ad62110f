import type { Db } from '@/lib/db/connection';

export interface LogFilters {
  source?: string;
  provider?: string;
  model?: string;
}

/** SQL conditions and parameters for the contract's `source`, `provider` and `model` filters. */
export function filterSql(
  db: Db,
  f: LogFilters,
  nullAs: "''" | 'NULL',
): { where: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.source !== undefined) {
    const id = db.prepare('SELECT id FROM log_sources WHERE name = ?').pluck().get(f.source) as number | undefined;
    parts.push('source_id = @sourceId');
    params.sourceId = id ?? -1;
  }
  for (const key of ['provider', 'model'] as const) {
    const v = f[key];
    if (v === undefined) continue;
    parts.push(nullAs === "''" ? `${key} = @${key}` : `coalesce(${key}, '') = @${key}`);
    params[key] = v;
  }
  return { where: parts.length ? ` AND ${parts.join(' AND ')}` : '', params };
}
