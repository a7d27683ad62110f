import type { MetricFamily } from '@/lib/system/exposition';
import { PromApiError } from './envelope';

export type MetricMetadata = Record<string, { type: string; help: string; unit: string }[]>;

/** GET /api/v1/metadata: type and help per metric family, as /metrics declares them; `metric` and `limit` narrow it. */
export function metricMetadata(families: MetricFamily[], params: URLSearchParams): MetricMetadata {
  const metric = params.get('metric') ?? '';
  const limitText = params.get('limit') ?? '';
  const limit = limitText === '' ? -1 : Number(limitText);
  if (!Number.isInteger(limit)) throw new PromApiError('bad_data', 'limit must be a number');
  const out: MetricMetadata = {};
  for (const f of families) {
    if (metric && f.name !== metric) continue;
    if (limit >= 0 && Object.keys(out).length >= limit) break;
    out[f.name] = [{ type: f.type === 'untyped' ? 'unknown' : f.type, help: f.help, unit: '' }];
  }
  return out;
}
