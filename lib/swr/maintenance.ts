'use client';
import { mutate } from 'swr';
import type { MaintenanceBody, MaintenanceWindow } from './maintenance-types';
import { sendJson } from './send-json';

// A window changes the badges and strips, and the uptime figures of its targets.
const revalidate = () =>
  mutate(
    (key) => typeof key === 'string' && (key.startsWith('/api/v1/maintenance') || key.startsWith('/api/v1/targets')),
  );

/** POST /api/v1/maintenance; rejects with ApiFailure (400 naming the field, 409 for a taken name). */
export async function createMaintenance(body: MaintenanceBody): Promise<MaintenanceWindow | null> {
  const res = await sendJson<{ data: MaintenanceWindow }>('POST', '/api/v1/maintenance', body);
  await revalidate();
  return res?.data ?? null;
}

/** DELETE /api/v1/maintenance/{id}. */
export async function deleteMaintenance(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/maintenance/${id}`);
  await revalidate();
}
