export type LogValue = string | number | boolean;
export type LogFields = Record<string, LogValue>;
export type LogrusLevel = 'debug' | 'info' | 'warning' | 'error';

/** logrus's JSON formatter with a millisecond RFC 3339 layout: `2025-07-25T03:11:03.402Z`. */
export function formatLogrusTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** One logrus JSON line (no newline); logrus sorts keys alphabetically, so do we. */
export function logrusLine(timeMs: number, level: LogrusLevel, msg: string, fields: LogFields = {}): string {
  const all: LogFields = { ...fields, level, msg, time: formatLogrusTime(timeMs) };
  const sorted: LogFields = {};
  for (const key of Object.keys(all).sort()) sorted[key] = all[key];
  return JSON.stringify(sorted);
}

/** RFC 3339 at second precision, as Go's time.RFC3339 prints it in UTC (used by /health and /status). */
export function rfc3339Seconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
