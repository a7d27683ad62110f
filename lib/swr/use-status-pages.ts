'use client';
import useSWR, { mutate } from 'swr';
import { swrOptions } from './options';
import { sendJson } from './send-json';
import type { StatusIncident, StatusPage } from './types';

const KEY = '/api/v1/status-pages';

export type { StatusIncident, StatusPage };
export interface NewStatusPage {
  slug: string;
  title: string;
  description?: string;
  show_latency?: boolean;
  groups: { name: string; components: { name: string; targets: string[]; down_if?: 'any' | 'all' }[] }[];
}

// GET /api/v1/status-pages
export function useStatusPages(refreshMs: number) {
  const res = useSWR<{ data: StatusPage[] }>(KEY, swrOptions(refreshMs));
  return { ...res, pages: res.data?.data };
}

/** POST /api/v1/status-pages — rejects with ApiFailure (400 naming the field, 409 for a taken slug). */
export async function createStatusPage(page: NewStatusPage): Promise<StatusPage | undefined> {
  const res = await sendJson<{ data: StatusPage }>('POST', KEY, page);
  await mutate(KEY);
  return res?.data;
}

/** DELETE /api/v1/status-pages/{id} — the public page is gone at once, with its incidents. */
export async function deleteStatusPage(id: number): Promise<void> {
  await sendJson('DELETE', `${KEY}/${id}`);
  await mutate(KEY);
}

/** POST /api/v1/status-pages/{id}/incidents — opens an incident; subscribers are told. */
export async function openStatusIncident(
  pageId: number,
  incident: { title: string; impact: string; components: string[]; message: string },
): Promise<StatusIncident | undefined> {
  const res = await sendJson<{ data: StatusIncident }>('POST', `${KEY}/${pageId}/incidents`, incident);
  return res?.data;
}
