import type { Db } from '@/lib/db/connection';
import type { Scope } from './scope';
import { randomToken, sha256 } from './secrets';

export const SESSION_COOKIE = 'lookout_session';
export const SESSION_TTL_MS = 7 * 86_400_000;

/** Creates a session and returns the cookie value; only its hash is stored. `tokenId` ties it to an API token's life. */
export function createSession(db: Db, scope: Scope, now: number, tokenId: number | null = null): string {
  const value = randomToken('lk_sess');
  db.transaction(() => {
    db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now);
    db.prepare('INSERT INTO sessions (id, scope, created_at, expires_at, token_id) VALUES (?, ?, ?, ?, ?)').run(
      sha256(value),
      scope,
      now,
      now + SESSION_TTL_MS,
      tokenId,
    );
  })();
  return value;
}

export function findSession(db: Db, value: string, now: number): Scope | null {
  const row = db.prepare('SELECT scope FROM sessions WHERE id = ? AND expires_at > ?').get(sha256(value), now) as
    | { scope: Scope }
    | undefined;
  return row?.scope ?? null;
}

export function deleteSession(db: Db, value: string): void {
  db.prepare('DELETE FROM sessions WHERE id = ?').run(sha256(value));
}
