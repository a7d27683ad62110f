import { z } from 'zod';
import { enumParam } from '@/lib/api/query-schemas';
import { maintenanceInputSchema } from '@/lib/maintenance/window-schema';
import { dataOf, listOf } from './shapes-common';
import { maintenanceShape } from './shapes-maintenance';
import { defineEndpoint } from './types';

const tag = 'maintenance';
const P = '/api/v1/maintenance';
const windowRef = { id: z.string().min(1).meta({ description: 'the window’s numeric id or its name' }) };

/** Maintenance windows: targets whose incidents leave uptime and whose alerts are not notified (docs/maintenance.md). */
export const maintenanceEndpoints = {
  listMaintenance: defineEndpoint({
    method: 'GET',
    path: P,
    operationId: 'listMaintenance',
    summary: 'Every maintenance window with its state now (active, scheduled, upcoming, past)',
    tag,
    access: 'read',
    query: {
      state: enumParam(['active', 'scheduled', 'upcoming', 'past'], 'active')
        .meta({ description: 'only windows in this state; default all' })
        .optional(),
    },
    response: listOf(maintenanceShape),
  }),
  createMaintenance: defineEndpoint({
    method: 'POST',
    path: P,
    operationId: 'createMaintenance',
    summary: 'Plans a maintenance window for some targets or all of them',
    tag,
    access: 'admin',
    body: maintenanceInputSchema,
    status: 201,
    response: dataOf(maintenanceShape),
  }),
  getMaintenance: defineEndpoint({
    method: 'GET',
    path: `${P}/{id}`,
    operationId: 'getMaintenance',
    summary: 'One maintenance window',
    tag,
    access: 'read',
    pathParams: windowRef,
    response: dataOf(maintenanceShape),
  }),
  replaceMaintenance: defineEndpoint({
    method: 'PUT',
    path: `${P}/{id}`,
    operationId: 'replaceMaintenance',
    summary: 'Replaces a window made in Lookout; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: windowRef,
    body: maintenanceInputSchema,
    response: dataOf(maintenanceShape),
  }),
  deleteMaintenance: defineEndpoint({
    method: 'DELETE',
    path: `${P}/{id}`,
    operationId: 'deleteMaintenance',
    summary: 'Deletes a window made in Lookout; a provisioned one is 409',
    tag,
    access: 'admin',
    pathParams: windowRef,
    status: 204,
  }),
};
