import { fieldPath, firstField, getField, isRecord } from './field-path';
import { normalizeLevel } from './level';
import { parseTimestamp } from './time';
import type { Level } from './types';

// Order matters: the first key present wins. `@t`/`@l`/`@m` are Serilog's compact JSON.
const TIME_KEYS = [
  'time',
  'timestamp',
  '@timestamp',
  'ts',
  'time_iso8601',
  'time_local',
  '@t',
  'datetime',
  'date',
  'eventTime',
].map(fieldPath);
const LEVEL_KEYS = [
  'level',
  'log.level',
  'severity',
  'lvl',
  'levelname',
  'loglevel',
  'log_level',
  '@l',
  'level_name',
].map(fieldPath);
const MESSAGE_KEYS = ['msg', 'message', 'event', '@m', '@mt', 'log', 'textPayload', 'request'].map(fieldPath);

/** The line's own time: undefined when no time key exists, null when one exists but cannot be read. */
export function pickTime(fields: Record<string, unknown>, zone: string | null = null): number | null | undefined {
  const hit = firstField(fields, TIME_KEYS);
  return hit ? parseTimestamp(hit.value, zone) : undefined;
}

export function pickLevel(fields: Record<string, unknown>): Level | null {
  const hit = firstField(fields, LEVEL_KEYS);
  if (!hit) return null;
  // bunyan/pino put the numeric level under `level`; an object there (rare) is not a level.
  return isRecord(hit.value) ? null : normalizeLevel(hit.value);
}

/**
 * The message: the first string under a message key (`log` and `request` only when they are
 * strings — ECS `log` is an object, nginx `request` is "GET /x HTTP/1.1"). No message → "".
 */
export function pickMessage(fields: Record<string, unknown>): string {
  for (const path of MESSAGE_KEYS) {
    const value = getField(fields, path);
    if (typeof value === 'string') return value;
  }
  return '';
}
