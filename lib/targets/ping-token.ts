import { createHash, randomBytes } from 'node:crypto';

/** A new heartbeat token: 24 random bytes, URL-safe. */
export function newPingToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Tokens are stored as their SHA-256: the database never holds a usable token. */
export function hashPingToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
