import type { Lookout } from '@/lib/engine/context';
import { findApiToken, touchApiToken } from './api-tokens';
import type { Scope } from './scope';
import { safeEqual } from './secrets';

export interface TokenGrant {
  scope: Scope;
  /** null for the bootstrap admin token. */
  tokenId: number | null;
}

/** A bearer secret: the bootstrap admin token or an API token (looked up by hash on the read connection). */
export function resolveToken(lookout: Lookout, secret: string): TokenGrant | null {
  if (safeEqual(secret, lookout.adminToken)) return { scope: 'admin', tokenId: null };
  if (secret.length > 512) return null;
  const match = findApiToken(lookout.readDb, secret);
  if (!match) return null;
  touchApiToken(lookout.db, match, lookout.clock.now());
  return { scope: match.scope, tokenId: match.id };
}
