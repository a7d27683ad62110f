import { type Condition, parseCondition } from '@/lib/probes/conditions';
import type { ScheduledTarget } from '@/lib/probes/types';

export interface TargetRow {
  id: number;
  name: string;
  url: string;
  method: string;
  headers: string;
  body: string | null;
  interval_ms: number;
  timeout_ms: number;
  conditions: string;
  failure_threshold: number;
  success_threshold: number;
  paused: number;
  provisioned: number;
  created_at: number;
  updated_at: number;
  status: 'up' | 'down' | 'pending';
  status_since: number;
  fail_streak: number;
  ok_streak: number;
}

export function conditionsOf(row: Pick<TargetRow, 'conditions'>): string[] {
  return JSON.parse(row.conditions) as string[];
}

export function toScheduled(row: TargetRow): ScheduledTarget {
  const conditions = conditionsOf(row)
    .map(parseCondition)
    .flatMap((r): Condition[] => (r.ok ? [r.condition] : []));
  return {
    id: row.id,
    intervalMs: row.interval_ms,
    spec: {
      url: row.url,
      method: row.method,
      headers: JSON.parse(row.headers) as Record<string, string>,
      body: row.body,
      timeoutMs: row.timeout_ms,
      conditions,
    },
  };
}
