import { z } from 'zod';
import { parseDuration } from '@/lib/config/duration';
import { SYSTEM_CHART_NAMES } from '@/lib/system/charts';

const stepMs = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : parseDuration(s));
const STEP_ERROR = 'must be a duration of at least 1s, such as 15s, 1m or 1h.';

/** Samples are 15 s apart, so GET /api/v1/system/series steps default to at least 30 s (see stepOf). */
export const systemStepParam = z
  .string({ error: STEP_ERROR })
  .refine((s) => (stepMs(s) ?? 0) >= 1_000, { error: STEP_ERROR })
  .meta({
    description:
      'Bucket width, at least 1s, as a duration (15s, 5m) or milliseconds; default about 120 points, at least 30s.',
    examples: ['1m'],
  })
  .transform((s) => Math.round(stepMs(s) as number));

export const systemChartParam = z
  .enum(SYSTEM_CHART_NAMES, { error: `must be one of ${SYSTEM_CHART_NAMES.join(', ')}.` })
  .meta({ description: `Which /system chart: ${SYSTEM_CHART_NAMES.join(', ')}.`, examples: ['process_memory'] });
