'use client';
import useSWR, { mutate } from 'swr';
import { swrOptions } from './options';
import { sendJson } from './send-json';
import type { LogSource } from './types';

const KEY = '/api/v1/sources';

export const SOURCE_FORMATS = ['auto', 'json', 'logfmt', 'text', 'ccproxy'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const START_AT = ['beginning', 'end'] as const;
export type StartAt = (typeof START_AT)[number];

export interface SourceFile {
  path: string;
  state: string;
  size_bytes: number;
  offset: number;
  lag_bytes: number;
  growth_bytes_per_s: number;
  lines_read: number;
  lines_truncated: number;
  last_read_at: string | null;
}

export interface SourceReject {
  at: string | null;
  reason: string;
  sample: string;
}

/** The whole GET /api/v1/sources entry; LogSource is the part the dashboards read. */
export interface SourceDetail extends LogSource {
  path: string | null;
  tailing: boolean;
  provisioned: boolean;
  format: string;
  start_at: string;
  detected_format: string | null;
  last_ingest_at: string | null;
  recent_rejects: SourceReject[];
  files: SourceFile[];
  lag_bytes: number;
}

export interface SourceInput {
  name: string;
  path: string;
  format: SourceFormat;
  start_at: StartAt;
}

// GET /api/v1/sources — log sources with line counts, for "nothing configured / nothing yet" states.
export function useSources(refreshMs: number) {
  const res = useSWR<{ data: SourceDetail[] }>(KEY, swrOptions(refreshMs));
  return { ...res, sources: res.data?.data };
}

/** POST /api/v1/sources — starts tailing at once; rejects with ApiFailure (400 naming the field). */
export async function addFileSource(input: SourceInput): Promise<SourceDetail | undefined> {
  const res = await sendJson<{ data: SourceDetail }>('POST', KEY, input);
  await mutate(KEY);
  return res?.data;
}

/** DELETE /api/v1/sources/{id} — stops tailing; the stored lines stay until retention. */
export async function stopTailing(id: number): Promise<void> {
  await sendJson('DELETE', `${KEY}/${id}`);
  await mutate(KEY);
}
