import type { Db } from '@/lib/db/connection';

/** `2026-12-05`: the UTC day a synthetic request is counted in; the cap resets at UTC midnight. */
export const usageDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Requests each llm target sent on a day, kept in the database so a restart does not reset the cap. */
export function llmUsageStore(db: Db) {
  const get = db.prepare('SELECT requests FROM llm_probe_usage WHERE target_id = ? AND day = ?').pluck();
  const add = db.prepare(
    `INSERT INTO llm_probe_usage (target_id, day, requests) VALUES (?, ?, 1)
     ON CONFLICT (target_id, day) DO UPDATE SET requests = requests + 1`,
  );
  const prune = db.prepare('DELETE FROM llm_probe_usage WHERE day < ?');
  return {
    used: (targetId: number, day: string): number => (get.get(targetId, day) as number | undefined) ?? 0,
    /** Counts one request before it is sent, so a crash mid-request still counts it; old days are dropped. */
    count: (targetId: number, day: string): void => {
      add.run(targetId, day);
      prune.run(usageDay(Date.parse(`${day}T00:00:00Z`) - 7 * 86_400_000));
    },
  };
}
