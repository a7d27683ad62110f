import type { Labels } from '../rules/labels';

/** Go's string order: bytewise UTF-8, i.e. by code point (JS `<` compares UTF-16 units). */
export function compareGo(a: string, b: string): number {
  if (a === b) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i].codePointAt(0) as number) - (y[i].codePointAt(0) as number);
  }
  return x.length - y.length;
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
const NAMED: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** Go's strconv.Quote (what `%q` prints). */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (c === '"' || c === '\\') out += `\\${c}`;
    else if (PRINTABLE.test(c)) out += c;
    else if (NAMED[c]) out += NAMED[c];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Prometheus's model.LabelSet.String(): `{a="b", c="d"}`, sorted as formatted strings — part of Alertmanager's groupKey. */
export function formatLabelSet(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${goQuote(v)}`);
  return `{${parts.sort(compareGo).join(', ')}}`;
}

/** Alertmanager's matcher value form (openMetricsEscape): only `\`, newline and `"` are escaped. */
export function openMetricsEscape(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`;
}
