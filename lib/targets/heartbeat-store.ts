import type { Db } from '@/lib/db/connection';

export interface HeartbeatRow {
  id: number;
  paused: number;
  last_start_at: number | null;
}

/** What a heartbeat check reads: when the target was made or changed, and its last ping. */
export interface PingState {
  created_at: number;
  updated_at: number;
  last_ping_at: number | null;
  last_ping_ok: number | null;
  last_ping_body: string | null;
}

export function findHeartbeat(db: Db, tokenHash: string): HeartbeatRow | undefined {
  return db
    .prepare(`SELECT id, paused, last_start_at FROM targets WHERE ping_token_hash = ? AND type = 'heartbeat'`)
    .get(tokenHash) as HeartbeatRow | undefined;
}

export function markStarted(db: Db, id: number, at: number): void {
  db.prepare('UPDATE targets SET last_start_at = ? WHERE id = ?').run(at, id);
}

export function savePing(db: Db, id: number, at: number, ok: boolean, body: string | null): void {
  db.prepare(
    'UPDATE targets SET last_ping_at = ?, last_ping_ok = ?, last_ping_body = ?, last_start_at = NULL WHERE id = ?',
  ).run(at, ok ? 1 : 0, body, id);
}

/** A reader of one target's ping state, prepared once for the scheduler's many checks. */
export function pingStateReader(db: Db): (id: number) => PingState | undefined {
  const get = db.prepare(
    'SELECT created_at, updated_at, last_ping_at, last_ping_ok, last_ping_body FROM targets WHERE id = ?',
  );
  return (id) => get.get(id) as PingState | undefined;
}
