'use client';
import useSWR from 'swr';
import { swrOptions } from './options';
import type { Session } from './types';

// GET /api/v1/session — who is signed in; pass false where asking would only earn a 401 (the login page).
export function useSession(enabled = true) {
  const res = useSWR<{ data: Session }>(enabled ? '/api/v1/session' : null, swrOptions(0));
  return { ...res, session: res.data?.data };
}
