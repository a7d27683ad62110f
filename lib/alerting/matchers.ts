import { type Matcher, matchesAll } from '../rules/series-source';

export type { Matcher };
export { matchesAll };

const MATCHER_RE = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*|"(?:[^"\\]|\\.)*")\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|[^"]*?)\s*$/;

function unquoteAM(s: string): string {
  return s.startsWith('"') ? (JSON.parse(s) as string) : s;
}

/** Splits on commas outside double quotes. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inQuote && c === '\\') {
      cur += c + (s[++i] ?? '');
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    if (c === ',' && !inQuote) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** Parses Alertmanager's matcher syntax: `a="b"`, `a=~"x|y"`, `a!=b`, or `{a="b", c!~"d"}`. */
export function parseMatchers(input: string): Matcher[] {
  let s = input.trim();
  if (s.startsWith('{') && s.endsWith('}')) s = s.slice(1, -1);
  return splitTop(s).map((part) => {
    const m = MATCHER_RE.exec(part);
    if (!m) throw new Error(`bad matcher ${JSON.stringify(part.trim())} (expected e.g. severity="critical")`);
    const matcher: Matcher = { name: unquoteAM(m[1]), op: m[2] as Matcher['op'], value: unquoteAM(m[3]) };
    if (matcher.op === '=~' || matcher.op === '!~') {
      try {
        new RegExp(matcher.value);
      } catch {
        throw new Error(`bad regular expression in matcher ${JSON.stringify(part.trim())}`);
      }
    }
    return matcher;
  });
}

/** The legacy `match`/`match_re` maps and the newer `matchers` list, combined and sorted as Alertmanager does. */
export function combineMatchers(
  match: Record<string, string> | undefined,
  matchRe: Record<string, string> | undefined,
  list: string[] | undefined,
): Matcher[] {
  const out: Matcher[] = [];
  for (const [name, value] of Object.entries(match ?? {})) out.push({ name, op: '=', value });
  for (const [name, value] of Object.entries(matchRe ?? {})) out.push({ name, op: '=~', value });
  for (const s of list ?? []) out.push(...parseMatchers(s));
  return out.sort((a, b) => (a.name !== b.name ? (a.name < b.name ? -1 : 1) : a.op < b.op ? -1 : a.op > b.op ? 1 : a.value < b.value ? -1 : 1));
}

/** Alertmanager's Matchers.String(): {a="b",c=~"d"}. */
export function formatMatchers(ms: readonly Matcher[]): string {
  return `{${ms.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(',')}}`;
}
