import type { Labels, SilenceMatcher } from '@/lib/swr/alert-types';

const OPS = {
  '=': { isRegex: false, isEqual: true },
  '!=': { isRegex: false, isEqual: false },
  '=~': { isRegex: true, isEqual: true },
  '!~': { isRegex: true, isEqual: false },
} as const;
type Op = keyof typeof OPS;

// name, operator, then a double-quoted value (JSON escapes) or a bare one up to the end of the line.
const LINE_RE = /^([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*("(?:[^"\\]|\\.)*"|[^"]*)$/;

export type ParsedMatchers = { ok: true; matchers: SilenceMatcher[] } | { ok: false; errors: string[] };

function parseLine(line: string): SilenceMatcher | string {
  const m = LINE_RE.exec(line.replace(/,$/, '').trim());
  if (!m) return `expected name="value", name=~"regex" or name!="value", e.g. severity="critical"`;
  let value = m[3].trim();
  if (value.startsWith('"')) {
    try {
      value = JSON.parse(value) as string;
    } catch {
      return 'the quoted value has a bad escape';
    }
  }
  const flags = OPS[m[2] as Op];
  if (flags.isRegex) {
    try {
      new RegExp(value);
    } catch {
      return `"${value}" is not a valid regular expression`;
    }
  }
  return { name: m[1], value, ...flags };
}

/** One matcher per line (`alertname="X"`, `severity=~"warn|crit"`, `job!="x"`); blank lines are skipped. */
export function parseMatcherLines(text: string): ParsedMatchers {
  const matchers: SilenceMatcher[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    const parsed = parseLine(raw);
    if (typeof parsed === 'string') errors.push(`line ${i + 1}: ${parsed}`);
    else matchers.push(parsed);
  });
  if (errors.length) return { ok: false, errors };
  if (!matchers.length) return { ok: false, errors: ['add at least one matcher, e.g. alertname="CCProxyDown"'] };
  return { ok: true, matchers };
}

/** `name="value"`, `name=~"re"`, `name!="value"`, `name!~"re"` — the form the parser reads back. */
export function formatMatcher(m: SilenceMatcher): string {
  const op = m.isRegex ? (m.isEqual ? '=~' : '!~') : m.isEqual ? '=' : '!=';
  return `${m.name}${op}${JSON.stringify(m.value)}`;
}

/** An alert's labels as matcher lines, alertname first, to silence exactly that alert. */
export function matcherLinesFromLabels(labels: Labels): string {
  const names = Object.keys(labels).sort((a, b) =>
    a === 'alertname' ? -1 : b === 'alertname' ? 1 : a.localeCompare(b),
  );
  return names.map((name) => formatMatcher({ name, value: labels[name], isRegex: false, isEqual: true })).join('\n');
}

/** Whether a silence's matchers all match these labels, as Alertmanager decides it (anchored regexes, missing label = ""). */
export function silenceMatches(matchers: readonly SilenceMatcher[], labels: Labels): boolean {
  return matchers.every((m) => {
    const value = labels[m.name] ?? '';
    let hit: boolean;
    try {
      hit = m.isRegex ? new RegExp(`^(?:${m.value})$`).test(value) : value === m.value;
    } catch {
      return false;
    }
    return hit === m.isEqual;
  });
}
