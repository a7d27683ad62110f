import type { Level } from '../types';

// Syslog severities 0–7 (RFC 5424 §6.2.1): emerg, alert, crit → fatal; err; warning; notice, info; debug.
const SEVERITY: Level[] = ['fatal', 'fatal', 'fatal', 'error', 'warn', 'info', 'info', 'debug'];

export function severityLevel(n: number): Level | null {
  return Number.isInteger(n) && n >= 0 && n <= 7 ? SEVERITY[n] : null;
}
