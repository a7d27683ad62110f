import type { Db } from '@/lib/db/connection';

export interface LlmCheckLatest {
  targetId: number;
  name: string;
  status: 'up' | 'down' | 'pending';
  options: string;
  ts: number | null;
  up: number | null;
  error: string | null;
  latencyMs: number | null;
  metrics: string | null;
}

/** Every llm target with its newest check (null fields before the first one). */
export function getLlmChecksLatest(db: Db): LlmCheckLatest[] {
  return db
    .prepare(
      `SELECT t.id targetId, t.name, t.status, t.options, c.ts, c.up, c.error, c.latency_ms latencyMs, c.metrics
       FROM targets t
       LEFT JOIN checks c ON c.id = (SELECT id FROM checks WHERE target_id = t.id ORDER BY ts DESC LIMIT 1)
       WHERE t.type = 'llm' AND t.paused = 0 ORDER BY t.name`,
    )
    .all() as LlmCheckLatest[];
}
