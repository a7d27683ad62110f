import { normalizeLevel } from '../level';
import type { LineContext } from './clock';
import { type FamilyHit, hit } from './family';
import { readSlashDate } from './slash-date';

const AFTER_DATE = /^\[(\w+)\] (\d+)#(\d+): (?:\*(\d+) )?/;
// The context nginx appends: `, client: 1.2.3.4, server: x, request: "GET / HTTP/1.1", host: "x"`.
const CONTEXT = /, (client|server|request|upstream|host|referrer|subrequest): ("(?:[^"\\]|\\.)*"|[^,]*)/g;

/** nginx's error log: `2016/10/25 14:49:34 [error] 54053#0: *1 open() "/x" failed …, client: …`. */
export function parseNginxError(line: string, ctx: LineContext): FamilyHit | null {
  const date = readSlashDate(line, ctx);
  if (!date) return null;
  const rest = line.slice(date.end);
  const m = AFTER_DATE.exec(rest);
  if (!m) return null;
  const fields: Record<string, unknown> = { pid: Number(m[2]), tid: Number(m[3]) };
  if (m[4]) fields.connection = Number(m[4]);
  let message = rest.slice(m[0].length);
  const first = message.search(CONTEXT);
  if (first !== -1) {
    for (const c of message.slice(first).matchAll(CONTEXT)) {
      fields[c[1]] = c[2].startsWith('"') ? c[2].slice(1, -1) : c[2];
    }
    message = message.slice(0, first);
  }
  return hit('nginx-error', date.ms, normalizeLevel(m[1]), message, fields);
}
