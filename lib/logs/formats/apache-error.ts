import { normalizeLevel } from '../level';
import { type LineContext, MONTHS, naiveMs } from './clock';
import { type FamilyHit, hit } from './family';

// `[Sun Dec 04 04:47:44 2005] [error] …` (2.2) and `[Fri Sep 09 10:42:29.902022 2011] [core:error] [pid 1:tid 2] …` (2.4).
const HEAD =
  /^\[[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\d{4})\] \[(?:([\w.-]+):)?(\w+)\] /;
const PID = /^\[pid (\d+)(?::tid (\d+))?\] /;
const CLIENT = /^\[(?:client|remote) ([^\]]+)\] /;

/** Apache httpd's error log; `trace1`…`trace8` are trace, `notice` is info. */
export function parseApacheError(line: string, ctx: LineContext): FamilyHit | null {
  const m = HEAD.exec(line);
  if (!m) return null;
  const mo = MONTHS[m[1]];
  if (!mo) return null;
  const time = naiveMs(ctx, +m[7], mo, +m[2], +m[3], +m[4], +m[5], m[6] ? Number(`${m[6]}00`.slice(0, 3)) : 0);
  const word = m[9];
  const level = word.startsWith('trace') ? 'trace' : normalizeLevel(word);
  const fields: Record<string, unknown> = {};
  if (m[8]) fields.module = m[8];
  let rest = line.slice(m[0].length);
  const pid = PID.exec(rest);
  if (pid) {
    fields.pid = Number(pid[1]);
    if (pid[2]) fields.tid = Number(pid[2]);
    rest = rest.slice(pid[0].length);
  }
  const client = CLIENT.exec(rest);
  if (client) {
    fields.client = client[1];
    rest = rest.slice(client[0].length);
  }
  return hit('apache-error', time, level, rest, fields);
}
