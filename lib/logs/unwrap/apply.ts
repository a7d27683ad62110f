import { resolveTime } from '../time';
import type { ParsedLine } from '../types';
import type { WrapperFacts } from './types';

/** The wrapper's stream and container become fields (the line's own keys win); its time stands in for a missing one. */
export function applyWrapper(line: ParsedLine, facts: WrapperFacts): void {
  line.wrapper = facts.kind;
  if (line.tsFallback && facts.time !== undefined) {
    const t = resolveTime(facts.time, line.ts);
    if (!t.tsFallback) {
      line.ts = t.ts;
      line.tsFallback = false;
      line.tsIssue = null;
    }
  }
  const extra: Record<string, unknown> = {};
  if (facts.container !== undefined && line.fields.container === undefined) extra.container = facts.container;
  if (facts.stream !== undefined && line.fields.stream === undefined) extra.stream = facts.stream;
  line.fields = { ...line.fields, ...extra };
}
