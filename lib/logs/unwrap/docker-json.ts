import { parseTimestamp } from '../time';
import type { Unwrapped } from './types';

const PREFIX = '{"log":';

/**
 * Docker's json-file driver: `{"log":"…\n","stream":"stdout","time":"…"}`. A line longer than 16 KiB is
 * written as several entries and only the last one's `log` ends with `\n`.
 */
export function unwrapDockerJson(line: string): Unwrapped | null {
  if (!line.startsWith(PREFIX)) return null;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object') return null;
  const { log, stream, time } = value as Record<string, unknown>;
  if (typeof log !== 'string' || typeof stream !== 'string') return null;
  const complete = log.endsWith('\n');
  let text = complete ? log.slice(0, -1) : log;
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const ms = typeof time === 'string' ? parseTimestamp(time) : null;
  return { text, partial: !complete, facts: { kind: 'docker', stream, ...(ms !== null ? { time: ms } : {}) } };
}
