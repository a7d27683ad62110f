import { normalizeLevel } from '../level';
import { resolveTime } from '../time';
import type { ParsedLine } from '../types';
import type { WrapperFacts } from './types';

/**
 * The wrapper's stream and container (Loki's labels) become fields (the line's own keys win); its time stands in
 * for a missing one, and a Loki `level` label for a missing level.
 */
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
  for (const [k, v] of Object.entries(facts.labels ?? {})) if (line.fields[k] === undefined) extra[k] = v;
  if (facts.container !== undefined && line.fields.container === undefined) extra.container = facts.container;
  if (facts.stream !== undefined && line.fields.stream === undefined) extra.stream = facts.stream;
  line.fields = { ...line.fields, ...extra };
  const label = facts.labels?.level ?? facts.labels?.detected_level;
  if (line.level === null && label !== undefined) line.level = normalizeLevel(label);
}
