import type { CommonFields, Level } from '../types';
import type { LineContext } from './clock';

/** Every format a source can pin besides auto/json/logfmt/text/ccproxy; docs/logs.md lists them with examples. */
export const FAMILY_NAMES = [
  'syslog',
  'syslog-rfc5424',
  'apache-error',
  'nginx-error',
  'access-log',
  'caddy',
  'haproxy',
  'envoy',
  'hadoop',
  'log4j',
  'logcat',
  'python',
  'go-log',
  'klog',
  'epoch',
  'grafana',
  'mongodb',
  'rust-tracing',
  'logrus',
  'postgresql',
  'mysql',
  'redis',
  'java-stacktrace',
  'iis',
  'windows-cbs',
  'journald',
] as const;
export type FamilyName = (typeof FAMILY_NAMES)[number];

/** Families read from JSON or logfmt keys; the others are text families. */
const STRUCTURED: ReadonlySet<string> = new Set(['caddy', 'grafana', 'mongodb', 'rust-tracing', 'logrus', 'journald']);
const ALL: ReadonlySet<string> = new Set(FAMILY_NAMES);

export function isTextFamily(name: string): name is FamilyName {
  return ALL.has(name) && !STRUCTURED.has(name);
}

/** What a family reads from one line. `time`: undefined when the line has none, null when unreadable. */
export interface FamilyHit {
  family: FamilyName;
  time: number | null | undefined;
  level: Level | null;
  message: string;
  fields: Record<string, unknown>;
  /** Request fields for access-log families (status, durationMs in the format's unit, method, path). */
  request?: Partial<CommonFields>;
}

export type TextFamily = (line: string, ctx: LineContext) => FamilyHit | null;

export function hit(
  family: FamilyName,
  time: number | null | undefined,
  level: Level | null,
  message: string,
  fields: Record<string, unknown>,
): FamilyHit {
  return { family, time, level, message, fields };
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A decimal integer field; `-` (absent in access logs) and anything else → null. */
export function intOrNull(s: string | undefined): number | null {
  if (!s || !/^\d{1,15}$/.test(s)) return null;
  return Number(s);
}

/** An HTTP status 100–599, else null. */
export function statusOrNull(s: string | undefined): number | null {
  const n = intOrNull(s);
  return n !== null && n >= 100 && n <= 599 ? n : null;
}

/** `GET /x?y=1 HTTP/1.1` → method and path (null when not a request line). */
export function splitRequest(request: string): { method: string | null; path: string | null } {
  const sp = request.indexOf(' ');
  if (sp < 3) return { method: null, path: null };
  const method = request.slice(0, sp);
  if (!/^[A-Z]{3,12}$/.test(method)) return { method: null, path: null };
  const end = request.indexOf(' ', sp + 1);
  const path = request.slice(sp + 1, end === -1 ? undefined : end);
  return { method, path: path.length > 0 && path.length <= 2048 ? path : null };
}
