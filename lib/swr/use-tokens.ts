'use client';
import useSWR, { mutate } from 'swr';
import { swrOptions } from './options';
import { sendJson } from './send-json';

const KEY = '/api/v1/tokens';

export const TOKEN_SCOPES = ['read', 'ingest', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface ApiToken {
  id: number;
  name: string;
  scope: TokenScope;
  created_at: string;
  last_used_at: string | null;
}

export interface NewToken {
  id: number;
  name: string;
  scope: TokenScope;
  /** Shown once: only its hash is stored. */
  token: string;
}

// GET /api/v1/tokens — the API tokens, never their secrets (admin only).
export function useTokens(refreshMs: number) {
  const res = useSWR<{ data: ApiToken[] }>(KEY, swrOptions(refreshMs));
  return { ...res, tokens: res.data?.data };
}

/** POST /api/v1/tokens — rejects with ApiFailure (400 naming the field, 409 for a taken name). */
export async function createToken(name: string, scope: TokenScope): Promise<NewToken | undefined> {
  const res = await sendJson<{ data: NewToken }>('POST', KEY, { name, scope });
  await mutate(KEY);
  return res?.data;
}

/** DELETE /api/v1/tokens/{id} — the token stops working at once. */
export async function revokeToken(id: number): Promise<void> {
  await sendJson('DELETE', `${KEY}/${id}`);
  await mutate(KEY);
}
