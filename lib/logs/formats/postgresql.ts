import type { Level } from '../types';
import type { LineContext } from './clock';
import { type FamilyHit, hit } from './family';
import { parseIsoIn } from './iso';

// Default `log_line_prefix = '%m [%p] '`: `2024-01-02 03:04:05.678 UTC [1234] LOG:  message`; a longer
// prefix (`user=…,db=…` or `[1-1]`) may sit between the pid and the severity.
const LINE =
  /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?: [A-Z]{2,5}| [+-]\d{2}(?::?\d{2})?)?) \[(\d+)\](?::? \[[\d-]+\])?:? (?:([^:]*?) )?(DEBUG[1-5]?|INFO|NOTICE|WARNING|ERROR|LOG|FATAL|PANIC|STATEMENT|DETAIL|HINT|CONTEXT|QUERY|LOCATION): {2}/;
const LEVELS: Record<string, Level | null> = {
  DEBUG: 'debug',
  INFO: 'info',
  NOTICE: 'info',
  LOG: 'info',
  WARNING: 'warn',
  ERROR: 'error',
  FATAL: 'fatal',
  PANIC: 'fatal',
};

export function parsePostgresql(line: string, ctx: LineContext): FamilyHit | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const severity = m[4].startsWith('DEBUG') ? 'DEBUG' : m[4];
  const fields: Record<string, unknown> = { pid: Number(m[2]), severity: m[4] };
  if (m[3]) fields.prefix = m[3];
  // DETAIL, HINT, STATEMENT… belong to the error before them: they carry no level of their own.
  return hit('postgresql', parseIsoIn(m[1], ctx), LEVELS[severity] ?? null, line.slice(m[0].length), fields);
}
