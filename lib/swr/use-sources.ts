'use client';
import useSWR, { mutate } from 'swr';
import type { SourceFormat, StartAt } from '@/lib/logs/source-formats';
import { swrOptions } from './options';
import { sendJson } from './send-json';
import type { LogSource } from './types';

const KEY = '/api/v1/sources';

export { SOURCE_FORMATS, type SourceFormat, START_AT, type StartAt } from '@/lib/logs/source-formats';

/** The whole GET /api/v1/sources entry. */
export type SourceDetail = LogSource;
/** What the sources form posts: the fields of a provisioning `logs:` entry it offers. */
export interface SourceInput {
  name: string;
  path: string;
  format: SourceFormat;
  start_at: StartAt;
  /** IANA zone; empty in the form, absent when posted: UTC. */
  timezone: string;
}

// GET /api/v1/sources — log sources with line counts, for "nothing configured / nothing yet" states.
export function useSources(refreshMs: number) {
  const res = useSWR<{ data: SourceDetail[] }>(KEY, swrOptions(refreshMs));
  return { ...res, sources: res.data?.data };
}

/** POST /api/v1/sources — starts tailing at once; rejects with ApiFailure (400 naming the field). */
export async function addFileSource(
  input: Omit<SourceInput, 'timezone'> & { timezone?: string },
): Promise<SourceDetail | undefined> {
  const res = await sendJson<{ data: SourceDetail }>('POST', KEY, input);
  await mutate(KEY);
  return res?.data;
}

/** DELETE /api/v1/sources/{id} — stops tailing; the stored lines stay until retention. */
export async function stopTailing(id: number): Promise<void> {
  await sendJson('DELETE', `${KEY}/${id}`);
  await mutate(KEY);
}
