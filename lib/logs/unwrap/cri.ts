import { parseTimestamp } from '../time';
import type { Unwrapped } from './types';

// `<RFC3339Nano> <stream> <P|F> <text>`: what containerd and CRI-O write under /var/log/pods.
const CRI = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) (stdout|stderr) ([PF])(?: (.*))?$/s;

/** A Kubernetes CRI log line; `P` marks a fragment the runtime split, joined with what follows up to an `F`. */
export function unwrapCri(line: string): Unwrapped | null {
  if (line.length < 30 || line.charCodeAt(4) !== 45 || line.charCodeAt(10) !== 84) return null;
  // Most ISO-stamped lines are not CRI: the word after the time settles it without the regex.
  const sp = line.indexOf(' ', 19);
  if (sp === -1 || !line.startsWith(' std', sp)) return null;
  const m = CRI.exec(line);
  if (!m) return null;
  const ms = parseTimestamp(m[1]);
  return {
    text: m[4] ?? '',
    partial: m[3] === 'P',
    facts: { kind: 'cri', stream: m[2], ...(ms !== null ? { time: ms } : {}) },
  };
}
