import { unwrapCompose } from './compose';
import { unwrapCri } from './cri';
import { unwrapDockerJson } from './docker-json';
import type { Unwrapped } from './types';

export type { Unwrapped, WrapperFacts } from './types';

/** The line inside a container runtime's wrapper, or null when the line is not wrapped. Dispatched on the first character. */
export function unwrapLine(line: string): Unwrapped | null {
  const c = line.charCodeAt(0);
  if (c === 123 /* { */) return unwrapDockerJson(line);
  if (c >= 48 && c <= 57) return unwrapCri(line) ?? unwrapCompose(line);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return unwrapCompose(line);
  return null;
}
