import { normalizeLevel } from '../level';
import { type LineContext, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';

// Spark's log4j pattern `%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m`: `17/06/09 20:10:40 INFO executor.Executor: …`.
const SPARK =
  /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:[.,](\d{3}))? +([A-Z]+) +(?:\[([^\]]+)\] +)?([\w.$-]+): /;
// log4j's ISO8601 pattern `%d %p [%t] %c: %m` / `%d [%t] %p %c - %m` (Hadoop, ZooKeeper, Kafka).
const ISO =
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}),(\d{3}) +(?:-? *)?(?:\[([^\]]+)\] +)?([A-Z]+) +(?:\[([^\]]+)\] +)?(?:- +)?([\w.$-]+)(?::| -) /;

export function parseLog4j(line: string, ctx: LineContext): FamilyHit | null {
  const s = SPARK.exec(line);
  if (s) {
    const level = normalizeLevel(s[8]);
    if (!level) return null;
    const time = naiveMs(ctx, 2000 + Number(s[1]), +s[2], +s[3], +s[4], +s[5], +s[6], s[7] ? Number(s[7]) : 0);
    const fields: Record<string, unknown> = { logger: s[10] };
    if (s[9]) fields.thread = s[9];
    return hit('log4j', time, level, line.slice(s[0].length), fields);
  }
  const m = ISO.exec(line);
  if (!m) return null;
  const level = normalizeLevel(m[9]);
  if (!level) return null;
  const time = naiveMs(ctx, +m[1], +m[2], +m[3], +m[4], +m[5], +m[6], +m[7]);
  const fields: Record<string, unknown> = { logger: m[11] };
  const thread = m[8] ?? m[10];
  if (thread) fields.thread = thread;
  return hit('log4j', time, level, line.slice(m[0].length), fields);
}
