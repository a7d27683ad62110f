import type { Db } from '@/lib/db/connection';

export interface StatusTarget {
  id: number;
  name: string;
  status: 'up' | 'down' | 'pending';
  paused: number;
}

/** The targets a status page names, by name; names that match nothing are simply absent. */
export function getStatusTargets(db: Db, names: string[]): Map<string, StatusTarget> {
  if (!names.length) return new Map();
  const rows = db
    .prepare('SELECT id, name, status, paused FROM targets WHERE name IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(names)) as StatusTarget[];
  return new Map(rows.map((r) => [r.name, r]));
}
