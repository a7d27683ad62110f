'use client';
import useSWR, { mutate } from 'swr';
import { swrOptions } from './options';
import { sendJson } from './send-json';
import type { ApiToken, NewToken } from './types';

const KEY = '/api/v1/tokens';

export { SCOPE_NAMES as TOKEN_SCOPES } from '@/lib/api/openapi/enums';
export type { ApiToken, NewToken };
export type TokenScope = ApiToken['scope'];

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
