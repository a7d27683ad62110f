import { fracMs, type LineContext, wallMs } from './clock';
import { type FamilyHit, hit, intOrNull, statusOrNull } from './family';

/** IIS's default W3C columns, used until the source shows its own `#Fields:` header. */
export const IIS_DEFAULT_FIELDS = [
  'date',
  'time',
  's-ip',
  'cs-method',
  'cs-uri-stem',
  'cs-uri-query',
  's-port',
  'cs-username',
  'c-ip',
  'cs(User-Agent)',
  'cs(Referer)',
  'sc-status',
  'sc-substatus',
  'sc-win32-status',
  'time-taken',
];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/;

/**
 * W3C extended log (IIS): `#Fields:` names the columns of the lines after it (kept in the context);
 * date and time are UTC by definition, `time-taken` is ms, `sc-bytes` bytes.
 */
export function parseIis(line: string, ctx: LineContext): FamilyHit | null {
  if (line.charCodeAt(0) === 35 /* # */) {
    const directive = /^#(Software|Version|Date|Fields|Start-Date|End-Date|Remark): ?(.*)$/.exec(line);
    if (!directive) return null;
    if (directive[1] === 'Fields') ctx.w3cFields = directive[2].trim().split(/\s+/);
    return hit('iis', undefined, null, line, { directive: directive[1] });
  }
  const names = ctx.w3cFields ?? IIS_DEFAULT_FIELDS;
  // Count the separators before splitting: most lines that reach here are not W3C lines.
  let spaces = 0;
  for (let i = line.indexOf(' '); i !== -1 && spaces < names.length; i = line.indexOf(' ', i + 1)) spaces++;
  if (spaces !== names.length - 1) return null;
  const values = line.split(' ');
  const fields: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) fields[names[i]] = values[i];
  const d = DATE.exec(String(fields.date ?? ''));
  const t = TIME.exec(String(fields.time ?? ''));
  if (!d || !t) return null;
  const time = wallMs(+d[1], +d[2], +d[3], +t[1], +t[2], +t[3], fracMs(t[4]));
  const status = statusOrNull(values[names.indexOf('sc-status')]);
  const taken = intOrNull(values[names.indexOf('time-taken')]);
  const bytes = intOrNull(values[names.indexOf('sc-bytes')]);
  if (bytes !== null) fields.bytes = bytes;
  const method = String(fields['cs-method'] ?? '');
  const stem = fields['cs-uri-stem'];
  const out = hit('iis', time, null, line, fields);
  out.request = {
    status,
    method: /^[A-Z]{3,12}$/.test(method) ? method : null,
    path: typeof stem === 'string' && stem.startsWith('/') ? stem : null,
    durationMs: taken,
  };
  return out;
}
