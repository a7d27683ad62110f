import type { Rejection } from './record';
import type { InputLine } from './source-pipeline';

export const MAX_LINE_CHARS = 256 * 1024;

function cut(text: string): InputLine {
  return text.length > MAX_LINE_CHARS
    ? { text: text.slice(0, MAX_LINE_CHARS), truncated: true }
    : { text, truncated: false };
}

/**
 * Splits a posted body into lines: a JSON array (each element an object or a string), or NDJSON /
 * plain lines. Blank lines are skipped; an array element that is neither is rejected with its reason.
 */
export function splitBody(body: string, contentType: string): { lines: InputLine[]; rejects: Rejection[] } {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('[') && !contentType.includes('ndjson') && !contentType.startsWith('text/')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    if (Array.isArray(parsed)) {
      const lines: InputLine[] = [];
      const rejects: Rejection[] = [];
      parsed.forEach((el: unknown, i) => {
        if (typeof el === 'string') lines.push(cut(el.replace(/\r?\n/g, ' ')));
        else if (el !== null && typeof el === 'object' && !Array.isArray(el)) lines.push(cut(JSON.stringify(el)));
        else
          rejects.push({
            line: i + 1,
            reason: `element ${i + 1} is ${el === null ? 'null' : Array.isArray(el) ? 'an array' : `a ${typeof el}`}; send objects or strings`,
            sample: String(JSON.stringify(el)).slice(0, 200),
          });
      });
      return { lines, rejects };
    }
  }
  return { lines: body.split('\n').map((l) => cut(l.endsWith('\r') ? l.slice(0, -1) : l)), rejects: [] };
}
