import type { Db } from '@/lib/db/connection';

/** Distinct method + route pairs a source keeps; past it, new ones count as OVERFLOW_ROUTE (a scanner's random paths). */
export const MAX_ROUTES_PER_SOURCE = 1_000;
export const OVERFLOW_ROUTE = '/:other';

/**
 * Bounds the per-route rollups of each source. The routes already stored (daily rollups) are loaded once per
 * source; a batch that fails to commit may leave a route counted here that was never stored, which only makes
 * the bound a little tighter until the next start.
 */
export class RouteCap {
  private readonly known = new Map<number, Set<string>>();

  constructor(private readonly db: Db) {}

  admit(sourceId: number, method: string, route: string): string {
    let set = this.known.get(sourceId);
    if (!set) {
      const rows = this.db
        .prepare(`SELECT DISTINCT method || ' ' || route FROM log_route_rollups WHERE res = 86400000 AND source_id = ?`)
        .pluck()
        .all(sourceId) as string[];
      this.known.set(sourceId, (set = new Set(rows)));
    }
    const key = `${method} ${route}`;
    if (set.has(key)) return route;
    if (set.size >= MAX_ROUTES_PER_SOURCE) return OVERFLOW_ROUTE;
    set.add(key);
    return route;
  }
}
