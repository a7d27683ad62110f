'use client';
import useSWR, { mutate } from 'swr';
import { REFRESH_INTERVAL_MS } from '@/lib/time/refresh';
import type { Silence, SilenceInput } from './alert-types';
import { swrOptions } from './options';
import { sendJson } from './send-json';

const KEY = '/api/v1/silences';

// GET /api/v1/silences — every silence with its status, newest end first.
export function useSilences(refreshMs: number = REFRESH_INTERVAL_MS) {
  const res = useSWR<{ data: Silence[] }>(KEY, swrOptions(refreshMs));
  return { ...res, silences: res.data?.data };
}

// A silence changes which alerts notify, so the alert list is re-read along with the silences.
const revalidate = () => Promise.all([mutate(KEY), mutate('/api/v1/alerts')]);

/** POST /api/v1/silences; rejects with ApiFailure (400 naming the field, 409 without `alerting:`). */
export async function createSilence(input: SilenceInput): Promise<Silence | undefined> {
  const res = await sendJson<{ data: Silence }>('POST', KEY, input);
  await revalidate();
  return res?.data;
}

/** DELETE /api/v1/silences/{id} — expires it now. */
export async function expireSilence(id: string): Promise<void> {
  await sendJson('DELETE', `${KEY}/${encodeURIComponent(id)}`);
  await revalidate();
}
