import { z } from 'zod';
import { cursorParam, enumParam, limitParam, LOG_LEVELS, queryParam, stepParam, textParam, timeParam } from '@/lib/api/query-schemas';

/** Path and query parameter sets shared by several operations. */
export const idPath = { id: z.string().regex(/^\d{1,15}$/).meta({ description: 'numeric id' }) };
export const range = { from: timeParam.optional(), to: timeParam.optional() };
export const statsFilters = { source: textParam.optional(), provider: textParam.optional(), model: textParam.optional() };
export const logSearch = {
  ...range,
  q: queryParam.optional(),
  source: textParam.optional(),
  level: enumParam(LOG_LEVELS, 'info').meta({ description: `Only lines of this level: ${LOG_LEVELS.join(', ')}.` }).optional(),
};
export const withLimit = (max: number, fallback: number) => ({ limit: limitParam(max, fallback).optional() });
export const withStep = { step: stepParam.optional() };
export const withCursor = { cursor: cursorParam.optional() };
