import { compileAnchoredRe2 } from '../regex/re2';
import type { Labels } from '../rules/labels';
import type { Matcher } from '../rules/series-source';
import { compareGo, openMetricsEscape } from './go-format';

export type { Matcher };

const MATCHER_RE = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*([\s\S]*?)\s*$/;
const TYPE_ORDER = { '=': 0, '!=': 1, '=~': 2, '!~': 3 } as const;

/** Alertmanager's Matcher.Matches: a missing label is the empty string; regexes are RE2, fully anchored. */
export function matchesLabel(m: Matcher, labels: Labels): boolean {
  const v = labels[m.name] ?? '';
  switch (m.op) {
    case '=':
      return v === m.value;
    case '!=':
      return v !== m.value;
    case '=~':
      return compileAnchoredRe2(m.value).test(v);
    case '!~':
      return !compileAnchoredRe2(m.value).test(v);
  }
}

export function matchesAll(matchers: readonly Matcher[], labels: Labels): boolean {
  return matchers.every((m) => matchesLabel(m, labels));
}

/** Alertmanager's labels.NewMatcher: a regex must compile (Go's message on failure). */
export function newMatcher(op: Matcher['op'], name: string, value: string): Matcher {
  if (op === '=~' || op === '!~') compileAnchoredRe2(value);
  return { name, op, value };
}

/** Splits on commas outside double quotes, as Alertmanager 0.25's ParseMatchers does. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let escaped = false;
  for (const c of s) {
    if (c === ',' && !inQuote) {
      out.push(cur);
      cur = '';
      continue;
    }
    if (c === '"') escaped ? (escaped = false) : (inQuote = !inQuote);
    else if (c === '\\') escaped = !escaped;
    else escaped = false;
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Alertmanager 0.25's ParseMatcher: `a="b"`, `a=~"x|y"`, `a!=b`, with its unescaping and messages. */
export function parseMatcher(s: string): Matcher {
  const m = MATCHER_RE.exec(s);
  if (!m) throw new Error(`bad matcher format: ${s}`);
  let raw = m[3];
  let expectQuote = raw.startsWith('"');
  if (expectQuote) raw = raw.slice(1);
  const chars = Array.from(raw);
  let value = '';
  let escaped = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (escaped) {
      escaped = false;
      value += c === 'n' ? '\n' : c === '"' || c === '\\' ? c : `\\${c}`;
    } else if (c === '\\') {
      if (i < chars.length - 1) escaped = true;
      else value += '\\';
    } else if (c === '"') {
      if (!expectQuote || i < chars.length - 1)
        throw new Error(`matcher value contains unescaped double quote: ${m[3]}`);
      expectQuote = false;
    } else value += c;
  }
  if (expectQuote) throw new Error(`matcher value contains unescaped double quote: ${m[3]}`);
  return newMatcher(m[2] as Matcher['op'], m[1], value);
}

/** Alertmanager's ParseMatchers: `a="b", c!~"d"`, optionally in braces. */
export function parseMatchers(input: string): Matcher[] {
  let s = input.startsWith('{') ? input.slice(1) : input;
  if (s.endsWith('}')) s = s.slice(0, -1);
  return splitTop(s).map(parseMatcher);
}

/** Alertmanager's Matchers order: name, then value, then type (= != =~ !~). */
export function compareMatchers(a: Matcher, b: Matcher): number {
  return compareGo(a.name, b.name) || compareGo(a.value, b.value) || TYPE_ORDER[a.op] - TYPE_ORDER[b.op];
}

/**
 * The legacy `match`/`match_re` maps and the `matchers` list, combined and sorted as Alertmanager's
 * NewRoute does. A `match_re` value is kept as Go's compiled form `^(?:v)$` (so anchored twice).
 */
export function combineMatchers(
  match: Record<string, string> | undefined,
  matchRe: Record<string, string> | undefined,
  list: string[] | undefined,
): Matcher[] {
  const out: Matcher[] = [];
  for (const [name, value] of Object.entries(match ?? {})) out.push({ name, op: '=', value });
  for (const [name, value] of Object.entries(matchRe ?? {})) out.push(newMatcher('=~', name, `^(?:${value})$`));
  for (const s of list ?? []) out.push(...parseMatchers(s));
  return out.sort(compareMatchers);
}

/** Alertmanager's Matchers.String(): {a="b",c=~"d"}. */
export function formatMatchers(ms: readonly Matcher[]): string {
  return `{${ms.map((m) => `${m.name}${m.op}${openMetricsEscape(m.value)}`).join(',')}}`;
}
