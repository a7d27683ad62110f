import { isBlankLine } from '@/lib/logs';
import type { InputLine } from './source-pipeline';
import { MAX_LINE_CHARS } from './split-body';
import type { AssembledEvent } from './tail/event-assembler';
import { EventAssembler } from './tail/event-assembler';

/**
 * Posted lines get the container unwrapping tailed files get (a split Docker or CRI line is joined within
 * the body), but not multi-line joining: a post's lines are taken as the events its sender meant.
 */
export function unwrapLines(lines: InputLine[]): InputLine[] {
  const a = new EventAssembler({ multiline: false, maxEventLines: 1, maxEventChars: MAX_LINE_CHARS });
  const out: InputLine[] = [];
  const emit = (e: AssembledEvent) =>
    out.push(
      e.wrapper
        ? { text: e.text, truncated: e.truncated, wrapper: e.wrapper }
        : { text: e.text, truncated: e.truncated },
    );
  for (const l of lines) {
    if (isBlankLine(l.text)) continue;
    // Already unwrapped by its protocol (Loki push): taken as it is, in order.
    if (l.wrapper) {
      a.flush(emit);
      out.push(l);
    } else a.push(l.text, l.truncated, 0, 0, 0, emit);
  }
  a.flush(emit);
  return out;
}
