'use client';
import { mutate } from 'swr';
import { sendJson } from './send-json';
import type { Slo, SloInput } from './slo-types';

// An SLO change shows in the SLO list and page, and in the rules and alerts it generates.
const revalidate = () =>
  mutate(
    (key) =>
      typeof key === 'string' &&
      (key.startsWith('/api/v1/slos') || key.startsWith('/api/v1/rules') || key.startsWith('/api/v1/alerts')),
  );

/** POST /api/v1/slos; rejects with ApiFailure (400 naming the field, 409 for a taken name). */
export async function createSlo(input: SloInput): Promise<Slo | null> {
  const res = await sendJson<{ data: Slo }>('POST', '/api/v1/slos', input);
  await revalidate();
  return res?.data ?? null;
}

/** PUT /api/v1/slos/{id}. */
export async function replaceSlo(id: number, input: SloInput): Promise<void> {
  await sendJson('PUT', `/api/v1/slos/${id}`, input);
  await revalidate();
}

/** DELETE /api/v1/slos/{id}. */
export async function deleteSlo(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/slos/${id}`);
  await revalidate();
}
