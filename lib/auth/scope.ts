export const SCOPES = ['read', 'ingest', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Principal {
  scope: Scope;
  via: 'token' | 'session' | 'anonymous';
}

/** admin does everything; read only reads; ingest only posts logs. */
export function allows(have: Scope, need: Scope): boolean {
  return have === 'admin' || have === need;
}
