import type { Db } from '@/lib/db/connection';
import { costAgg } from './llm-cost-sql';

/** What could not be priced over [from, to): models without a price, and requests whose token counts were refused. */
export function getLlmUnknown(db: Db, from: number, to: number) {
  const rows = costAgg(db, from, to, 'provider || char(0) || model');
  const unknown_models = [...rows]
    .filter(([, a]) => a.unknown > 0)
    .map(([k, a]) => {
      const [provider, model] = k.split('\0');
      return { provider: provider || null, model: model || null, requests: a.unknown };
    })
    .sort((x, y) => y.requests - x.requests);
  const rejected = (
    db
      .prepare(
        `SELECT s.name source, r.reason, r.count, r.last_ts FROM llm_token_rejects r JOIN log_sources s ON s.id = r.source_id
         ORDER BY r.last_ts DESC LIMIT 50`,
      )
      .all() as { source: string; reason: string; count: number; last_ts: number }[]
  ).map((r) => ({ source: r.source, reason: r.reason, count: r.count, last_at: new Date(r.last_ts).toISOString() }));
  return { unknown_models, rejected };
}
