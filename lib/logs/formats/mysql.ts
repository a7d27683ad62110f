import { normalizeLevel } from '../level';
import { fracMs, type LineContext, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';
import { parseIsoIn } from './iso';

// 5.7/8.0: `2024-01-02T03:04:05.678901Z 0 [Warning] [MY-010068] [Server] message`.
const MODERN =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})?) (\d+) \[(\w+)\] (?:\[(MY-\d+)\] \[(\w+)\] )?/;
// 5.5/5.6: `2024-01-02 03:04:05 1234 [Note] message` and `240102  3:04:05 [ERROR] message`.
const OLD =
  /^(?:(\d{4})-(\d{2})-(\d{2}) |(\d{2})(\d{2})(\d{2}) )( ?\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (?:(\d+) )?\[(\w+)\] /;

function mysqlLevel(word: string): ReturnType<typeof normalizeLevel> {
  return word === 'System' || word === 'Note' ? 'info' : normalizeLevel(word);
}

export function parseMysql(line: string, ctx: LineContext): FamilyHit | null {
  const m = MODERN.exec(line);
  if (m) {
    const level = mysqlLevel(m[3]);
    if (!level) return null;
    const fields: Record<string, unknown> = { thread: Number(m[2]), label: m[3] };
    if (m[4]) fields.error_code = m[4];
    if (m[5]) fields.subsystem = m[5];
    return hit('mysql', parseIsoIn(m[1], ctx), level, line.slice(m[0].length), fields);
  }
  const o = OLD.exec(line);
  if (!o) return null;
  const level = mysqlLevel(o[12]);
  if (!level) return null;
  const y = o[1] ? +o[1] : 2000 + Number(o[4]);
  const mo = o[1] ? +o[2] : +o[5];
  const d = o[1] ? +o[3] : +o[6];
  const time = naiveMs(ctx, y, mo, d, Number(o[7].trim()), +o[8], +o[9], fracMs(o[10]));
  const fields: Record<string, unknown> = { label: o[12] };
  if (o[11]) fields.thread = Number(o[11]);
  return hit('mysql', time, level, line.slice(o[0].length), fields);
}
