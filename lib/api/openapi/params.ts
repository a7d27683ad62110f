import { z } from 'zod';
import {
  cursorParam,
  enumParam,
  LOG_LEVELS,
  limitParam,
  queryParam,
  stepParam,
  textParam,
  timeParam,
} from '@/lib/api/query-schemas';

/** Path and query parameter sets shared by several operations. */
export const idPath = {
  id: z
    .string()
    .regex(/^\d{1,15}$/, { error: 'must be a positive whole number.' })
    .meta({ description: 'numeric id' })
    .transform(Number),
};
export const range = { from: timeParam.optional(), to: timeParam.optional() };
export const statsFilters = {
  source: textParam.optional(),
  provider: textParam.optional(),
  model: textParam.optional(),
};
export const logSearch = {
  ...range,
  q: queryParam,
  source: textParam.optional(),
  level: enumParam(LOG_LEVELS, 'info')
    .meta({ description: `Only lines of this level: ${LOG_LEVELS.join(', ')}.` })
    .optional(),
};
export const withLimit = (max: number, fallback: number) => ({ limit: limitParam(max, fallback) });
export const withStep = { step: stepParam.optional() };
export const withCursor = { cursor: cursorParam.optional() };

/** `?include_maintenance=true`: uptime counts the checks made in maintenance windows too (docs/maintenance.md). */
export const withMaintenance = {
  include_maintenance: enumParam(['true', 'false'], 'false')
    .meta({ description: 'true: uptime also counts checks made in maintenance windows; default false.' })
    .optional(),
};
