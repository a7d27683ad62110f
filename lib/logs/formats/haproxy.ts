import { type LineContext, MONTHS, naiveMs } from './clock';
import { type FamilyHit, hit, intOrNull, splitRequest, statusOrNull } from './family';

// HAProxy's HTTP log: `client:port [accept date] frontend backend/server Tq/Tw/Tc/Tr/Ta status bytes … "request"`,
// alone or after a syslog header (`… haproxy[14389]: `). The accept date has ms and no zone.
const HTTP_LOG =
  /(?:^|: )([\w.:[\]-]+):(\d+) \[(\d{2})\/([A-Z][a-z]{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})\.(\d{3})\] (\S+) (\S+)\/(\S+) (-?\d+)\/(-?\d+)\/(-?\d+)\/(-?\d+)\/\+?(-?\d+) (\d{3}|-1) \+?(\d+) .*?"((?:[^"\\]|\\.)*)"?$/;

export function parseHaproxy(line: string, ctx: LineContext): FamilyHit | null {
  const m = HTTP_LOG.exec(line);
  if (!m) return null;
  const mo = MONTHS[m[4]];
  if (!mo) return null;
  const time = naiveMs(ctx, +m[5], mo, +m[3], +m[6], +m[7], +m[8], +m[9]);
  const status = statusOrNull(m[18]);
  const total = Number(m[17]);
  const fields: Record<string, unknown> = {
    client_ip: m[1],
    client_port: Number(m[2]),
    frontend: m[10],
    backend: m[11],
    server: m[12],
    timers: `${m[13]}/${m[14]}/${m[15]}/${m[16]}/${m[17]}`,
    status: status ?? Number(m[18]),
    bytes: intOrNull(m[19]),
    request: m[20],
  };
  const { method, path } = splitRequest(m[20]);
  const message = line.slice(m.index + (m[0].startsWith(': ') ? 2 : 0));
  const out = hit('haproxy', time, null, message, fields);
  // Ta (total active time, ms); -1 means the connection was aborted before the end.
  out.request = { status, method, path, durationMs: total >= 0 ? total : null };
  return out;
}
