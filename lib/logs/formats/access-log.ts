import { type LineContext, MONTHS, naiveMs, wallMs } from './clock';
import { type FamilyHit, hit, intOrNull, splitRequest, statusOrNull } from './family';

// Common/combined log format (nginx, Apache, Caddy's transform encoder):
// `host ident user [dd/Mon/yyyy:hh:mm:ss ±zzzz] "request" status bytes ["referer" "agent"] [extras]`.
const CLF =
  /^(\S+) (\S+) (\S+|"[^"]*") \[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(?: ([+-])(\d{2})(\d{2}))?\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?/;
// Extras people append: nginx `$request_time` as a bare seconds value (`0.123`), or `rt=0.123`/`request_time=…`.
const SECONDS_KEY = /(?:^| )(?:rt|request_time|reqtime)=(\d+(?:\.\d+)?)(?= |$)/;
const BARE_SECONDS = /^ (\d+\.\d{3})(?: |$)/;

export function parseAccessLog(line: string, ctx: LineContext): FamilyHit | null {
  const m = CLF.exec(line);
  if (!m) return null;
  const mo = MONTHS[m[5]];
  if (!mo) return null;
  const ms = m[10] ? Number(`${m[10]}00`.slice(0, 3)) : 0;
  let time: number | null;
  if (m[11]) {
    const wall = wallMs(+m[6], mo, +m[4], +m[7], +m[8], +m[9], ms);
    const off = (m[11] === '-' ? -1 : 1) * (Number(m[12]) * 60 + Number(m[13]));
    time = wall === null || Number(m[13]) > 59 ? null : wall - off * 60_000;
  } else time = naiveMs(ctx, +m[6], mo, +m[4], +m[7], +m[8], +m[9], ms);
  const request = m[14];
  const status = statusOrNull(m[15]);
  const bytes = intOrNull(m[16]);
  const fields: Record<string, unknown> = { remote_addr: m[1], request, status: status ?? m[15] };
  if (m[3] !== '-') fields.remote_user = m[3];
  if (bytes !== null) fields.bytes = bytes;
  if (m[17] !== undefined) {
    fields.http_referer = m[17];
    fields.http_user_agent = m[18];
  }
  const extras = line.slice(m[0].length);
  const seconds = SECONDS_KEY.exec(extras) ?? BARE_SECONDS.exec(extras);
  const { method, path } = splitRequest(request);
  const out = hit('access-log', time, null, line, fields);
  out.request = {
    status,
    method,
    path,
    durationMs: seconds ? Math.round(Number(seconds[1]) * 1e6) / 1e3 : null,
  };
  return out;
}
