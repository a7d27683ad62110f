import type { Scope } from '@/lib/auth/scope';
import type { Db } from '@/lib/db/connection';
import { toIso } from '@/lib/time/iso';

/** API tokens for /settings and GET /api/v1/tokens: never the secret (only its hash is stored anyway). */
export function listTokens(db: Db) {
  const rows = db.prepare('SELECT id, name, scope, created_at, last_used_at FROM api_tokens ORDER BY id').all() as {
    id: number;
    name: string;
    scope: Scope;
    created_at: number;
    last_used_at: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scope: r.scope,
    created_at: toIso(r.created_at),
    last_used_at: r.last_used_at === null ? null : toIso(r.last_used_at),
  }));
}
