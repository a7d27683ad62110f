import { formatE, formatF, formatG } from './go-number';
import { GoMap, printValue, typeName, type Value } from './values';

const VERB = /%([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/g;

/** Go's fmt.Sprintf for the verbs templates use: v s q d x X o b c t f F e E g G %, flags, width, precision. */
export function sprintf(format: string, args: Value[]): string {
  let i = 0;
  let out = format.replace(
    VERB,
    (_m, flags: string, widthText: string | undefined, precText: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      const width = widthText === '*' ? Number(args[i++] ?? 0) : widthText ? Number(widthText) : undefined;
      const prec =
        precText === '*' ? Number(args[i++] ?? 0) : precText === undefined ? undefined : Number(precText || 0);
      if (i >= args.length) return `%!${verb}(MISSING)`;
      const a = args[i++];
      const text = formatOne(verb, a, flags, prec);
      return pad(text, width, flags, typeof a === 'number' || typeof a === 'bigint');
    },
  );
  if (i < args.length)
    out += `%!(EXTRA ${args
      .slice(i)
      .map((a) => `${typeName(a)}=${printValue(a, false)}`)
      .join(', ')})`;
  return out;
}

function pad(text: string, width: number | undefined, flags: string, numeric: boolean): string {
  if (width === undefined || text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && numeric) {
    const sign = /^[+-]/.test(text) ? text[0] : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function bad(verb: string, a: Value): string {
  return `%!${verb}(${typeName(a)}=${printValue(a, false)})`;
}

function signed(text: string, n: number | bigint, flags: string): string {
  if (n >= 0 && flags.includes('+')) return `+${text}`;
  if (n >= 0 && flags.includes(' ')) return ` ${text}`;
  return text;
}

function formatOne(verb: string, a: Value, flags: string, prec: number | undefined): string {
  if (verb === 'v') return flags.includes('#') && typeof a === 'string' ? JSON.stringify(a) : printValue(a, false);
  if (verb === 'T') return typeName(a);
  if (typeof a === 'number') return formatFloat(verb, a, flags, prec) ?? bad(verb, a);
  if (typeof a === 'bigint') return formatInt(verb, a, flags) ?? bad(verb, a);
  if (typeof a === 'boolean') return verb === 't' ? String(a) : bad(verb, a);
  if (typeof a === 'string') {
    if (verb === 's') return prec === undefined ? a : Array.from(a).slice(0, prec).join('');
    if (verb === 'q') return JSON.stringify(a);
    if (verb === 'x' || verb === 'X') {
      const hex = Buffer.from(a, 'utf8').toString('hex');
      return verb === 'X' ? hex.toUpperCase() : hex;
    }
    return bad(verb, a);
  }
  if (verb === 's' && (Array.isArray(a) || a instanceof GoMap)) return printValue(a, false);
  return verb === 's' ? printValue(a, false) : bad(verb, a);
}

function formatFloat(verb: string, a: number, flags: string, prec: number | undefined): string | undefined {
  const n = Math.abs(a);
  let text: string;
  if (verb === 'f' || verb === 'F') text = formatF(n, prec ?? 6);
  else if (verb === 'e' || verb === 'E') text = formatE(n, prec ?? 6);
  else if (verb === 'g' || verb === 'G') text = formatG(n, prec ?? -1);
  else return undefined;
  if (verb === 'E' || verb === 'G') text = text.toUpperCase();
  if (Number.isNaN(a)) return signed('NaN', 0, flags);
  return a < 0 || Object.is(a, -0) ? `-${text}` : signed(text, 0, flags);
}

function formatInt(verb: string, a: bigint, flags: string): string | undefined {
  const n = a < 0n ? -a : a;
  const radix = { d: 10, x: 16, X: 16, o: 8, b: 2 }[verb];
  if (verb === 'c') return String.fromCodePoint(Number(a));
  if (verb === 'q') return `'${String.fromCodePoint(Number(a))}'`;
  if (radix === undefined) return undefined;
  let text = n.toString(radix);
  if (verb === 'X') text = text.toUpperCase();
  return a < 0n ? `-${text}` : signed(text, a, flags);
}
