import type { LineContext } from './clock';
import { type FamilyHit, hit, intOrNull, splitRequest, statusOrNull } from './family';
import { parseIsoIn } from './iso';

// Envoy's default access log: `[START_TIME] "METHOD PATH PROTOCOL" CODE FLAGS … BYTES_RECEIVED BYTES_SENT DURATION
// UPSTREAM_TIME "XFF" "UA" "REQUEST_ID" "AUTHORITY" "UPSTREAM_HOST" …`. Newer versions add fields after FLAGS,
// so the byte counts and duration are found as the first three numbers in a row.
const HEAD = /^\[(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2}))\] "((?:[^"\\]|\\.)*)" (\d{3}|0) (\S+) /;
const TOKENS = /"((?:[^"\\]|\\.)*)"|(\S+)/g;

export function parseEnvoy(line: string, ctx: LineContext): FamilyHit | null {
  const m = HEAD.exec(line);
  if (!m) return null;
  const time = parseIsoIn(m[1], ctx);
  const status = statusOrNull(m[3]);
  const fields: Record<string, unknown> = { request: m[2], status: Number(m[3]), response_flags: m[4] };
  const tokens: Array<{ quoted: boolean; value: string }> = [];
  TOKENS.lastIndex = m[0].length;
  for (let t = TOKENS.exec(line); t !== null && tokens.length < 32; t = TOKENS.exec(line)) {
    tokens.push(t[1] !== undefined ? { quoted: true, value: t[1] } : { quoted: false, value: t[2] });
  }
  let durationMs: number | null = null;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    const c = tokens[i + 2];
    if (a.quoted || b.quoted || c.quoted) continue;
    const [rx, tx, dur] = [intOrNull(a.value), intOrNull(b.value), intOrNull(c.value)];
    if (rx === null || tx === null || dur === null) continue;
    fields.bytes_received = rx;
    fields.bytes = tx;
    durationMs = dur;
    const quoted = tokens.slice(i + 3).filter((t) => t.quoted);
    const upstream = tokens[i + 3];
    if (upstream && !upstream.quoted && upstream.value !== '-') fields.upstream_service_time = upstream.value;
    const names = ['x_forwarded_for', 'user_agent', 'request_id', 'authority', 'upstream_host'];
    names.forEach((name, k) => {
      if (quoted[k] && quoted[k].value !== '-') fields[name] = quoted[k].value;
    });
    break;
  }
  const { method, path } = splitRequest(m[2]);
  const out = hit('envoy', time, null, line, fields);
  out.request = { status, method, path, durationMs };
  return out;
}
