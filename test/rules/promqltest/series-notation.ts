/** promqltest / promtool series notation: `name{l="v"} 1+2x3 _ stale -1-1x2 _x3 4x2`. */
export type SeqValue = number | 'omitted' | 'stale';
export type SeriesDesc = { labels: Record<string, string>; values: SeqValue[] };

/** Thrown for native-histogram notation (`{{schema:…}}`), which the runner counts as skipped. */
export class NativeHistogramNotation extends Error {}

/** A Go-style float: Inf, NaN, hex, exponent; ParseInt's base prefixes too. */
export function parseGoNumber(text: string): number | null {
  const t = text.trim();
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(t);
  if (m) return m[2].toLowerCase() === 'nan' ? NaN : m[1] === '-' ? -Infinity : Infinity;
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return (t.startsWith('-') ? -1 : 1) * parseInt(t.replace(/^[+-]?0x/i, ''), 16);
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return Number(t);
  return null;
}

export function unquoteGo(s: string): string {
  if (s.startsWith('`')) return s.slice(1, -1);
  return s
    .slice(1, -1)
    .replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[nt"'\\])/g, (_m, e: string) =>
      e === 'n'
        ? '\n'
        : e === 't'
          ? '\t'
          : e[0] === 'x' || e[0] === 'u'
            ? String.fromCodePoint(parseInt(e.slice(1), 16))
            : e,
    );
}

/** Splits `metric{...}` from the values that follow it. */
export function parseLabels(line: string): { labels: Record<string, string>; rest: string } {
  const labels: Record<string, string> = {};
  let i = 0;
  const name = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (name) {
    labels.__name__ = name[0];
    i = name[0].length;
  }
  if (line[i] === '{') {
    i++;
    const str = /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/;
    for (;;) {
      while (line[i] === ' ' || line[i] === ',') i++;
      if (line[i] === '}') {
        i++;
        break;
      }
      let key: string;
      const q = str.exec(line.slice(i));
      if (q) {
        key = unquoteGo(q[0]);
        i += q[0].length;
      } else {
        const id = /^[a-zA-Z_][a-zA-Z0-9_]*/.exec(line.slice(i));
        if (!id) throw new Error(`bad series description: ${line}`);
        key = id[0];
        i += key.length;
      }
      while (line[i] === ' ') i++;
      if (line[i] !== '=') {
        labels.__name__ = key; // {"metric name"} form
        continue;
      }
      i++;
      while (line[i] === ' ') i++;
      const v = str.exec(line.slice(i));
      if (!v) throw new Error(`bad label value in: ${line}`);
      labels[key] = unquoteGo(v[0]);
      i += v[0].length;
    }
  }
  return { labels, rest: line.slice(i) };
}

function expandItem(item: string): SeqValue[] {
  if (item === '_') return ['omitted'];
  if (item === 'stale') return ['stale'];
  const omitted = /^_x(\d+)$/.exec(item);
  if (omitted) return Array<SeqValue>(Number(omitted[1])).fill('omitted');
  const num = '([+-]?(?:inf|nan|\\d+\\.?\\d*(?:e[+-]?\\d+)?|\\.\\d+(?:e[+-]?\\d+)?))';
  const m = new RegExp(`^${num}(?:([+-])${num})?(?:x(\\d+))?$`, 'i').exec(item);
  if (!m) {
    const single = parseGoNumber(item);
    if (single === null) throw new Error(`bad series value "${item}"`);
    return [single];
  }
  const base = parseGoNumber(m[1])!;
  if (m[4] === undefined) {
    if (m[2] !== undefined) throw new Error(`bad series value "${item}"`);
    return [base];
  }
  const n = Number(m[4]);
  const delta = m[2] === undefined ? 0 : (m[2] === '-' ? -1 : 1) * parseGoNumber(m[3])!;
  const out: SeqValue[] = [];
  // Go accumulates by repeated addition, so the last bits match promtool's.
  let v = base;
  for (let k = 0; k <= n; k++) {
    out.push(v);
    v += delta;
  }
  return out;
}

export function parseSeriesDesc(line: string): SeriesDesc {
  if (line.includes('{{')) throw new NativeHistogramNotation(line);
  const { labels, rest } = parseLabels(line.trim());
  const values = rest
    .trim()
    .split(/\s+/)
    .filter((x) => x !== '')
    .flatMap(expandItem);
  return { labels, values };
}
