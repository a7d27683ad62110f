import type { z } from 'zod';
import type { routeUsageShape, sourceDetectionShape } from '@/lib/api/openapi/shapes-log-detail';

export type RouteStats = z.infer<typeof routeUsageShape>;
export type SourceDetection = z.infer<typeof sourceDetectionShape>;
export type DetectedLine = SourceDetection['recent'][number];
