import type { z } from 'zod';
import type { maintenanceShape } from '@/lib/api/openapi/shapes-maintenance';
import type { maintenanceInputSchema } from '@/lib/maintenance/window-schema';

// A maintenance window as the browser sees it: inferred from the shape the server's answers are checked against.
export type MaintenanceWindow = z.infer<typeof maintenanceShape>;
export type MaintenanceState = MaintenanceWindow['state'];
/** What POST /api/v1/maintenance takes. */
export type MaintenanceBody = z.input<typeof maintenanceInputSchema>;

/** The active window covering `target`, if any. */
export function activeWindowFor(windows: readonly MaintenanceWindow[] | undefined, target: string) {
  return windows?.find((w) => w.active && (w.targets === 'all' || w.targets.includes(target))) ?? null;
}
