import { parseTimestamp } from '../time';
import type { LineContext } from './clock';

/** An ISO/RFC 3339 time in a field of a text format, read with the source's zone for naive values. */
export function parseIsoIn(value: string, ctx: LineContext): number | null {
  return parseTimestamp(value, ctx.timezone);
}
