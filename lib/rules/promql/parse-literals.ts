const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** A PromQL number literal; durations (`5m`) count as seconds, as in Prometheus 3. */
export function parseNumber(text: string): number {
  const t = text.trim();
  const lower = t.toLowerCase().replace(/^[+-]/, '');
  const sign = t.startsWith('-') ? -1 : 1;
  if (lower === 'inf') return sign * Infinity;
  if (lower === 'nan') return NaN;
  if (/^0x[0-9a-f]+$/.test(lower)) return sign * parseInt(lower.slice(2), 16);
  if (/^[0-9]*\.?[0-9]+(e[+-]?[0-9]+)?$/.test(lower) || /^[0-9]+\.$/.test(lower)) return sign * Number(lower);
  return (sign * parseDurationMs(lower)) / 1000;
}

export function parseDurationMs(text: string): number {
  const re = /(\d+)(ms|y|w|d|h|m|s)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    if (m.index !== consumed) break;
    total += Number(m[1]) * UNIT_MS[m[2]];
    consumed += m[0].length;
  }
  if (consumed !== text.length || consumed === 0) {
    if (/^[0-9]*\.?[0-9]+$/.test(text)) return Number(text) * 1000;
    throw new Error(`bad duration "${text}"`);
  }
  return total;
}

/** Unquotes a PromQL string literal ("…", '…' with Go escapes, or `raw`). */
export function unquote(lit: string): string {
  const q = lit[0];
  const body = lit.slice(1, -1);
  if (q === '`') return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'a':
        return '\x07';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'v':
        return '\v';
      case 'x':
      case 'u':
      case 'U':
        return String.fromCodePoint(parseInt(e.slice(1), 16));
      default:
        return /^[0-7]{3}$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e;
    }
  });
}

/** Go accepts `1.` and `1_000`; the lezer grammar does not, so such numbers are rewritten first. */
export function normalizeNumbers(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += c !== '`' && text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^[0-9][0-9_]*(\.(?![0-9]))?/.exec(text.slice(i));
    if (m && !/[\w:.]/.test(text[i - 1] ?? '')) {
      out += m[0].replace(/_/g, '') + (m[1] ? '0' : '');
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
