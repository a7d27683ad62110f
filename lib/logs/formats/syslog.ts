import { normalizeLevel } from '../level';
import { type LineContext, MONTHS, yearlessMs } from './clock';
import { type FamilyHit, hit } from './family';
import { parseIsoIn } from './iso';
import { severityLevel } from './severity';

// RFC 3164: `<PRI>` optional, `Mmm dd hh:mm:ss` (day space-padded), host, `tag[pid]:` then the message.
const RFC3164 =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? (\S+) (?:([^\s:[]+)(?:\[(\d+)\])?: ?)?/;
// RFC 5424: `<PRI>1 TIMESTAMP HOST APP PROCID MSGID SD MSG`, `-` for absent values.
const RFC5424 = /^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:\[(?:[^\]\\]|\\.)*\])+) ?/;

function nil(v: string): string | null {
  return v === '-' ? null : v;
}

/** A level only as the message's first word (`error: …`, `<warn>`), as syslog programs write it. */
function levelFromMessage(message: string): ReturnType<typeof normalizeLevel> {
  const m = /^[[<(]?([A-Za-z]{3,9})[\]>):]/.exec(message);
  return m ? normalizeLevel(m[1]) : null;
}

export function parseSyslog(line: string, ctx: LineContext): FamilyHit | null {
  const m = RFC3164.exec(line);
  if (!m) return null;
  const mo = MONTHS[m[2]];
  if (!mo) return null;
  const time = yearlessMs(ctx, mo, +m[3], +m[4], +m[5], +m[6], m[7] ? Number(`${m[7]}00`.slice(0, 3)) : 0);
  const message = line.slice(m[0].length);
  const fields: Record<string, unknown> = { host: m[8] };
  if (m[9]) fields.app = m[9];
  if (m[10]) fields.pid = Number(m[10]);
  const level = m[1] ? severityLevel(Number(m[1]) % 8) : levelFromMessage(message);
  if (m[1]) fields.facility = Math.floor(Number(m[1]) / 8);
  return hit('syslog', time, level, message, fields);
}

export function parseSyslog5424(line: string, ctx: LineContext): FamilyHit | null {
  const m = RFC5424.exec(line);
  if (!m) return null;
  const pri = Number(m[1]);
  const time = m[2] === '-' ? undefined : parseIsoIn(m[2], ctx);
  const fields: Record<string, unknown> = { facility: Math.floor(pri / 8) };
  const host = nil(m[3]);
  const app = nil(m[4]);
  const procid = nil(m[5]);
  const msgid = nil(m[6]);
  if (host) fields.host = host;
  if (app) fields.app = app;
  if (procid) fields.procid = procid;
  if (msgid) fields.msgid = msgid;
  if (m[7] !== '-') fields.structured_data = m[7];
  let message = line.slice(m[0].length);
  if (message.charCodeAt(0) === 0xfeff) message = message.slice(1); // the BOM RFC 5424 allows before UTF-8 text
  return hit('syslog-rfc5424', time, severityLevel(pri % 8), message, fields);
}
