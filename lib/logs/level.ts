import type { Level } from './types';

const WORDS = new Map<string, Level>([
  ['trace', 'trace'],
  ['trc', 'trace'],
  ['verbose', 'trace'],
  ['finest', 'trace'],
  ['finer', 'trace'],
  ['debug', 'debug'],
  ['dbg', 'debug'],
  ['dbug', 'debug'],
  ['fine', 'debug'],
  ['config', 'debug'],
  ['info', 'info'],
  ['inf', 'info'],
  ['information', 'info'],
  ['informational', 'info'],
  ['notice', 'info'],
  ['warn', 'warn'],
  ['warning', 'warn'],
  ['wrn', 'warn'],
  ['error', 'error'],
  ['err', 'error'],
  ['eror', 'error'],
  ['severe', 'error'],
  ['fatal', 'fatal'],
  ['ftl', 'fatal'],
  ['panic', 'fatal'],
  ['critical', 'fatal'],
  ['crit', 'fatal'],
  ['alert', 'fatal'],
  ['emerg', 'fatal'],
  ['emergency', 'fatal'],
  ['dpanic', 'fatal'],
  // Single letters (klog, logcat, MongoDB's `s`, Serilog-style `I`/`W`) as level values; text scans need ≥ 3 chars.
  ['v', 'trace'],
  ['t', 'trace'],
  ['d', 'debug'],
  ['i', 'info'],
  ['w', 'warn'],
  ['e', 'error'],
  ['f', 'fatal'],
]);

/** pino/bunyan numeric levels: 10 trace … 60 fatal; values in between round down to their band. */
function fromNumber(n: number): Level | null {
  if (!Number.isFinite(n) || n < 10) return null;
  if (n < 20) return 'trace';
  if (n < 30) return 'debug';
  if (n < 40) return 'info';
  if (n < 50) return 'warn';
  if (n < 60) return 'error';
  return 'fatal';
}

/** Normalises a level value (word in any case, or pino/bunyan number) to Lookout's six levels; null when unknown. */
export function normalizeLevel(value: unknown): Level | null {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string' || value.length === 0 || value.length > 16) return null;
  const direct = WORDS.get(value);
  if (direct) return direct;
  const code = value.charCodeAt(0);
  if (code >= 48 && code <= 57) return /^\d+$/.test(value) ? fromNumber(Number(value)) : null;
  return WORDS.get(value.trim().toLowerCase()) ?? null;
}
