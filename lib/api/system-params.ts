import { z } from 'zod';
import { SYSTEM_CHART_NAMES, type SystemChart } from '@/lib/system/charts';
import { badRequest } from './errors';
import { parseRange } from './params';
import { parseDuration } from '@/lib/config/duration';

const MAX_POINTS = 5_000;
const stepMs = (s: string) => (/^\d{1,12}$/.test(s) ? Number(s) : parseDuration(s));

export const systemStepParam = z
  .string()
  .refine((s) => (stepMs(s) ?? 0) >= 1_000)
  .meta({ description: 'Bucket width, at least 1s, as a duration (15s, 5m) or milliseconds; default about 120 points, at least 30s.', examples: ['1m'] });

export const systemChartParam = z.enum(SYSTEM_CHART_NAMES).meta({ description: `Which /system chart: ${SYSTEM_CHART_NAMES.join(', ')}.`, examples: ['process_memory'] });

/** `chart`, `from`, `to` and `step` of GET /api/v1/system/series; samples are 15 s apart, so steps default to ≥ 30 s. */
export function readSystemSeriesParams(params: URLSearchParams, now: number): { chart: SystemChart; from: number; to: number; step: number } {
  const chart = systemChartParam.safeParse(params.get('chart') ?? '');
  if (!chart.success) throw badRequest('invalid_parameter', `chart: must be one of ${SYSTEM_CHART_NAMES.join(', ')}.`);
  const { from, to } = parseRange(params, now);
  const raw = params.get('step');
  if (!raw) return { chart: chart.data, from, to, step: Math.max(30_000, Math.ceil((to - from) / 120 / 30_000) * 30_000) };
  if (!systemStepParam.safeParse(raw).success) throw badRequest('invalid_parameter', 'step: must be a duration of at least 1s, such as 15s, 1m or 1h.');
  const step = Math.round(stepMs(raw)!);
  if ((to - from) / step > MAX_POINTS) throw badRequest('invalid_parameter', `step: too small for this range (more than ${MAX_POINTS} points).`);
  return { chart: chart.data, from, to, step };
}
