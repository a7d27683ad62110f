import { fieldPath, getField, isRecord } from '../field-path';
import { epochToMs, parseTimestamp } from '../time';
import type { CommonFields, Level } from '../types';
import type { FamilyName } from './family';
import { severityLevel } from './severity';

/** What a JSON/logfmt family adds when the usual keys did not give a time, level or message. */
export interface StructuredHit {
  family: FamilyName;
  time?: number | null;
  level?: Level | null;
  message?: string;
  request?: Partial<CommonFields>;
}

const MONGO_LEVELS: Record<string, Level> = { F: 'fatal', E: 'error', W: 'warn', I: 'info' };

/** MongoDB 4.4+: `{"t":{"$date":"…"},"s":"I","c":"NETWORK","id":22943,"ctx":"listener","msg":"…"}`. */
function mongodb(f: Record<string, unknown>, zone: string | null): StructuredHit | null {
  const t = f.t;
  if (!isRecord(t) || t.$date === undefined || typeof f.s !== 'string') return null;
  const date = t.$date;
  const time = isRecord(date) ? parseTimestamp(Number(date.$numberLong)) : parseTimestamp(date, zone);
  const level = f.s.startsWith('D') ? 'debug' : (MONGO_LEVELS[f.s] ?? null);
  return { family: 'mongodb', time, level };
}

/** journalctl -o json: µs epoch strings, syslog PRIORITY, MESSAGE (a byte array when not UTF-8). */
function journald(f: Record<string, unknown>): StructuredHit | null {
  const rt = f.__REALTIME_TIMESTAMP;
  if (typeof rt !== 'string' && typeof rt !== 'number') return null;
  const time = epochToMs(Number(rt));
  const level = f.PRIORITY === undefined ? null : severityLevel(Number(f.PRIORITY));
  const raw = f.MESSAGE;
  const message =
    typeof raw === 'string'
      ? raw
      : Array.isArray(raw)
        ? Buffer.from(raw.filter((b): b is number => typeof b === 'number')).toString('utf8')
        : '';
  return { family: 'journald', time, level, message };
}

/** Grafana's logfmt: `t=2024-01-02T03:04:05+0000 lvl=eror msg="…" logger=…`. */
function grafana(f: Record<string, unknown>, zone: string | null): StructuredHit | null {
  if (typeof f.t !== 'string') return null;
  return { family: 'grafana', time: parseTimestamp(f.t, zone) };
}

/** Families recognised by keys the generic reader does not use; only consulted when it found no time. */
export function structuredFamily(f: Record<string, unknown>, zone: string | null): StructuredHit | null {
  return mongodb(f, zone) ?? journald(f) ?? grafana(f, zone);
}

const TRACING_MESSAGE = fieldPath('fields.message');

/** Rust tracing-subscriber's JSON puts the message under `fields.message`. */
export function tracingMessage(f: Record<string, unknown>): string | null {
  const m = getField(f, TRACING_MESSAGE);
  return typeof m === 'string' ? m : null;
}

/** Caddy's access log: `logger` `http.log.access…`, `request.{method,uri}`, `duration` in seconds, `size` bytes. */
export function caddyRequest(f: Record<string, unknown>): Partial<CommonFields> | null {
  if (typeof f.logger !== 'string' || !f.logger.startsWith('http.log.access') || !isRecord(f.request)) return null;
  const { method, uri } = f.request;
  const duration = typeof f.duration === 'number' && f.duration >= 0 ? Math.round(f.duration * 1e6) / 1e3 : null;
  return {
    method: typeof method === 'string' && /^[A-Z]{3,12}$/.test(method) ? method : null,
    path: typeof uri === 'string' && uri.startsWith('/') ? uri : null,
    durationMs: duration,
  };
}
