import { formatG, humanize, humanizeDuration, humanizePercentage, sprintf } from './go-format';

export type TemplateData = { labels: Record<string, string>; value: number; externalLabels?: Record<string, string> };
type Val = string | number | Record<string, string> | undefined;

const NO_VALUE = '<no value>';
const FUNCS: Record<string, (args: Val[]) => Val> = {
  humanize: (a) => humanize(toNumber(a[0])),
  humanizeDuration: (a) => humanizeDuration(toNumber(a[0])),
  humanizePercentage: (a) => humanizePercentage(toNumber(a[0])),
  printf: (a) => sprintf(String(a[0]), a.slice(1)),
  toUpper: (a) => print(a[0]).toUpperCase(),
  toLower: (a) => print(a[0]).toLowerCase(),
};

/**
 * The Go-template subset Prometheus rule files use: {{ $value }}, {{ $labels.x }}, {{ .Value }},
 * {{ .Labels.x }}, pipelines with humanize/humanizeDuration/humanizePercentage/printf/toUpper/toLower,
 * and {{- -}} trimming. Anything else throws, naming the action.
 */
export function expandTemplate(text: string, data: TemplateData): string {
  let out = '';
  let pos = 0;
  const re = /\{\{(-\s)?([\s\S]*?)(\s-)?\}\}/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let literal = text.slice(pos, m.index);
    if (m[1]) literal = literal.replace(/\s+$/, '');
    out += literal;
    out += print(runPipeline(m[2].trim(), data));
    pos = m.index + m[0].length;
    if (m[3]) {
      const rest = text.slice(pos);
      pos += rest.length - rest.replace(/^\s+/, '').length;
    }
  }
  return out + text.slice(pos);
}

/** Validates a template at load time, so a typo is a load error, not an evaluation error. */
export function checkTemplate(text: string): void {
  try {
    expandTemplate(text, { labels: {}, value: 0 });
  } catch (err) {
    // Type errors depend on the data; only structural errors are load errors.
    if (!(err instanceof Error) || !err.message.startsWith('expected a number')) throw err;
  }
}

function runPipeline(action: string, data: TemplateData): Val {
  if (action.startsWith('/*')) return '';
  const stages = splitOutside(action, '|').map((s) => s.trim());
  let acc: Val = undefined;
  stages.forEach((stage, i) => {
    const words = tokenize(stage);
    if (words.length === 0) throw new Error(`empty command in template action "{{ ${action} }}"`);
    const [head, ...rest] = words;
    const fn = FUNCS[head];
    if (!fn) {
      if (words.length > 1 || i > 0) throw new Error(`unsupported template function "${head}" in "{{ ${action} }}"`);
      acc = operand(head, data, action);
      return;
    }
    const args = rest.map((w) => operand(w, data, action));
    if (i > 0) args.push(acc);
    acc = fn(args);
  });
  return acc;
}

function operand(word: string, data: TemplateData, action: string): Val {
  if (word.startsWith('"') || word.startsWith('`')) return word.startsWith('`') ? word.slice(1, -1) : (JSON.parse(word) as string);
  if (/^-?\d/.test(word)) return Number(word);
  const path = word.split('.');
  const root = path[0];
  let base: Val;
  if (root === '$value' || (root === '' && path[1] === 'Value')) base = data.value;
  else if (root === '$labels' || (root === '' && path[1] === 'Labels')) base = data.labels;
  else if (root === '$externalLabels' || (root === '' && path[1] === 'ExternalLabels')) base = data.externalLabels ?? {};
  else throw new Error(`unsupported template operand "${word}" in "{{ ${action} }}"`);
  const fields = path.slice(root === '' ? 2 : 1);
  if (fields.length === 0) return base;
  if (fields.length === 1 && typeof base === 'object') return base[fields[0]];
  throw new Error(`unsupported template field access "${word}" in "{{ ${action} }}"`);
}

function tokenize(stage: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|`[^`]*`|\S+/g;
  for (const m of stage.matchAll(re)) out.push(m[0]);
  return out;
}

function splitOutside(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === '\\' && quote === '"') {
        cur += c + s[++i];
        continue;
      }
      if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if (c === sep) {
      parts.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function toNumber(v: Val): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number(v);
    if (v.trim() !== '' && !Number.isNaN(n)) return n;
  }
  throw new Error(`expected a number, got ${JSON.stringify(v ?? null)}`);
}

function print(v: Val): string {
  if (v === undefined) return NO_VALUE;
  if (typeof v === 'number') return formatG(v);
  if (typeof v === 'string') return v;
  return `map[${Object.keys(v).sort().map((k) => `${k}:${v[k]}`).join(' ')}]`;
}
