import { type FieldPath, fieldPath, getField } from './field-path';
import { normalizeLevel } from './level';
import { convert, setCommon } from './request-fields';
import type { CommonFields, ParsedLine } from './types';
import { DURATION_UNITS, type DurationUnit, durationToMs } from './units';

/** Per-source rule from configuration: named groups of `regex`, matched against `field`, fill common fields. */
export interface ExtractionRule {
  /** `message` (default) or a field name, dotted for nested (`http.latency`). */
  field?: string;
  regex: string;
  flags?: string;
  /** Units of duration groups; default `ms`. Go-style strings (`12ms`) carry their own unit. */
  units?: Record<string, DurationUnit>;
}

export interface CompiledRule {
  path: FieldPath | null;
  re: RegExp;
  groups: ReadonlyArray<readonly [string, GroupTarget]>;
  units: Readonly<Record<string, DurationUnit>>;
}

type GroupTarget = keyof CommonFields | 'level';
const GROUPS: Record<string, GroupTarget> = {
  status: 'status',
  duration: 'durationMs',
  durationMs: 'durationMs',
  duration_ms: 'durationMs',
  provider: 'provider',
  model: 'model',
  requestId: 'requestId',
  request_id: 'requestId',
  inputTokens: 'inputTokens',
  input_tokens: 'inputTokens',
  outputTokens: 'outputTokens',
  output_tokens: 'outputTokens',
  method: 'method',
  path: 'path',
  level: 'level',
};
const KIND = {
  status: 'status',
  provider: 'text',
  model: 'text',
  requestId: 'id',
  inputTokens: 'count',
  outputTokens: 'count',
  method: 'method',
  path: 'text',
} as const;
const NAMED_GROUP = /\(\?<([A-Za-z_$][\w$]*)>/g;
const MAX_REGEX_CHARS = 2000;
/** Rules see at most this much of a value, so a slow pattern cannot stall the pipeline on a 256 KiB line. */
export const RULE_INPUT_LIMIT = 8192;

export class ExtractionRuleError extends Error {
  constructor(
    readonly index: number,
    detail: string,
  ) {
    super(`extraction rule ${index + 1}: ${detail}`);
    this.name = 'ExtractionRuleError';
  }
}

function compileOne(rule: ExtractionRule, index: number): CompiledRule {
  const fail = (detail: string): never => {
    throw new ExtractionRuleError(index, detail);
  };
  if (typeof rule.regex !== 'string' || rule.regex.length === 0) fail('`regex` is required');
  if (rule.regex.length > MAX_REGEX_CHARS) fail(`\`regex\` is longer than ${MAX_REGEX_CHARS} characters`);
  if (rule.field !== undefined && (typeof rule.field !== 'string' || rule.field.length === 0))
    fail('`field` must be a non-empty string');
  const flags = rule.flags ?? '';
  if (!/^[imsu]*$/.test(flags)) fail(`flags "${flags}" are not allowed; use any of i, m, s, u`);
  let re: RegExp;
  try {
    re = new RegExp(rule.regex, flags);
  } catch (err) {
    return fail(`invalid regex: ${err instanceof Error ? err.message : String(err)}`);
  }
  const names = [...rule.regex.matchAll(NAMED_GROUP)].map((m) => m[1]);
  if (names.length === 0) fail(`the regex has no named group; name one of: ${Object.keys(GROUPS).join(', ')}`);
  const unknown = names.filter((n) => !(n in GROUPS));
  if (unknown.length > 0) fail(`unknown group(s) ${unknown.join(', ')}; known: ${Object.keys(GROUPS).join(', ')}`);
  const units = rule.units ?? {};
  for (const [group, unit] of Object.entries(units)) {
    if (!names.includes(group) || GROUPS[group] !== 'durationMs')
      fail(`units.${group}: no duration group of that name in the regex`);
    if (!DURATION_UNITS.includes(unit)) fail(`units.${group}: "${unit}" is not one of ${DURATION_UNITS.join(', ')}`);
  }
  const field = rule.field ?? 'message';
  return {
    path: field === 'message' ? null : fieldPath(field),
    re,
    groups: names.map((n) => [n, GROUPS[n]] as const),
    units,
  };
}

/** Validates at configuration time: a bad rule throws ExtractionRuleError naming the rule and the problem. */
export function compileExtractionRules(rules: readonly ExtractionRule[]): CompiledRule[] {
  return rules.map(compileOne);
}

function subject(rule: CompiledRule, line: ParsedLine): string | null {
  const value = rule.path ? getField(line.fields, rule.path) : line.message;
  const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  return s === null ? null : s.length > RULE_INPUT_LIMIT ? s.slice(0, RULE_INPUT_LIMIT) : s;
}

/** Every matching rule overrides the generic mapping for the groups it captured (explicit configuration wins). */
export function applyExtractionRules(rules: readonly CompiledRule[], line: ParsedLine): void {
  for (const rule of rules) {
    const s = subject(rule, line);
    const groups = s === null ? undefined : rule.re.exec(s)?.groups;
    if (!groups) continue;
    for (const [name, target] of rule.groups) {
      const raw = groups[name];
      if (raw === undefined || raw === '') continue;
      if (target === 'level') {
        line.level = normalizeLevel(raw) ?? line.level;
      } else if (target === 'durationMs') {
        const unit = rule.units[name] ?? 'ms';
        line.common.durationMs = durationToMs(raw, unit) ?? line.common.durationMs;
      } else {
        const v = convert(KIND[target], raw);
        if (v !== null) setCommon(line.common, target, v);
      }
    }
  }
}
