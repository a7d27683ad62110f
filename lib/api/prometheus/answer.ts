import type { Lookout } from '@/lib/engine/context';
import type { SeriesSource } from '@/lib/rules/series-source';
import { instanceOf } from '@/lib/series/probe-series';
import { createSqliteSeriesSource } from '@/lib/series/sqlite-series-source';
import { promFailure, promSuccess } from './envelope';
import { clampedSource } from './limits';
import { readParams } from './params';

/** The longest the raw series' tables keep rows whatever retention says (10 s line rollups: 35 days). */
const KEPT_MS = 35 * 86_400_000;

/** The series the rules evaluate, labelled as /metrics exports them (docs/api.md#prometheus-query-api). */
export function querySource(lookout: Lookout): SeriesSource {
  const source = createSqliteSeriesSource(lookout.readDb, {
    sinceMs: lookout.system.startedAt,
    instance: instanceOf(lookout.env.externalUrl),
  });
  const now = lookout.clock.now();
  const { checksMs, logsMs } = lookout.settings.retention;
  return clampedSource(source, now - Math.max(checksMs, logsMs, KEPT_MS), now);
}

/** Runs a Prometheus API handler over the request's merged parameters; every failure leaves in Prometheus's envelope. */
export async function promAnswer(req: Request, fn: (params: URLSearchParams) => unknown): Promise<Response> {
  try {
    return promSuccess(fn(await readParams(req)));
  } catch (err) {
    return promFailure(err);
  }
}
