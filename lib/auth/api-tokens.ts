import type { Db } from '@/lib/db/connection';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { Scope } from './scope';
import { randomToken, sha256 } from './secrets';

/** last_used_at is written at most this often per token, so a busy reader never turns into a write storm. */
export const LAST_USED_GRANULARITY_MS = 60_000;

export interface TokenMatch {
  id: number;
  scope: Scope;
  lastUsedAt: number | null;
}

/** Creates a token and returns its secret; only the hash is stored, so this is the one time it is seen. */
export function createApiToken(db: Db, name: string, scope: Scope, now: number) {
  const token = randomToken('lk_tok');
  try {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO api_tokens (name, scope, hash, created_at) VALUES (?, ?, ?, ?)')
      .run(name, scope, sha256(token), now);
    return { id: Number(lastInsertRowid), name, scope, token };
  } catch (err) {
    if (err instanceof Error && /UNIQUE constraint failed: api_tokens\.name/.test(err.message)) {
      throw new ConflictError(
        'token_name_taken',
        `A token named "${name}" exists; pick another name or revoke that one first.`,
      );
    }
    throw err;
  }
}

export function findApiToken(db: Db, secret: string): TokenMatch | null {
  const row = db.prepare('SELECT id, scope, last_used_at FROM api_tokens WHERE hash = ?').get(sha256(secret)) as
    | { id: number; scope: Scope; last_used_at: number | null }
    | undefined;
  return row ? { id: row.id, scope: row.scope, lastUsedAt: row.last_used_at } : null;
}

/** Records use on the write connection, but only when the stored time is a minute old. */
export function touchApiToken(db: Db, match: TokenMatch, now: number): void {
  if (match.lastUsedAt !== null && now - match.lastUsedAt < LAST_USED_GRANULARITY_MS) return;
  try {
    db.prepare(
      'UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)',
    ).run(now, match.id, now - LAST_USED_GRANULARITY_MS);
  } catch {
    // Bookkeeping only: a busy database must never fail the request the token authorises.
  }
}

/** Revokes a token; sessions opened with it end with it (ON DELETE CASCADE). */
export function revokeApiToken(db: Db, id: number): void {
  if (db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes === 0) throw new NotFoundError(`token ${id}`);
}
