import { type ClassItem, ERR, type Flags, type Node, Re2SyntaxError } from './re2-ast';
import { GO_CATEGORIES, MAX_RUNE, PERL_CLASSES, POSIX_CLASSES, type Ranges } from './re2-charset';

const MAX_DEPTH = 1000;
const SHORT_SCRIPTS = new Set([
  'Ahom',
  'Cham',
  'Han',
  'Lao',
  'Lisu',
  'Modi',
  'Mro',
  'Newa',
  'Nko',
  'Thai',
  'Vai',
  'Yi',
]);
// Scripts of Unicode 14/15 that Go 1.19's tables (Alertmanager 0.25) do not know.
const NEWER_SCRIPTS = new Set(['Cypro_Minoan', 'Old_Uyghur', 'Tangsa', 'Toto', 'Vithkuqi', 'Kawi', 'Nag_Mundari']);
const ch = (c: string) => c.codePointAt(0) as number;
const isDigit = (c: number | undefined) => c !== undefined && c >= 0x30 && c <= 0x39;
const isAlnum = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const unhex = (c: number | undefined) =>
  c === undefined
    ? -1
    : isDigit(c)
      ? c - 0x30
      : c >= 0x61 && c <= 0x66
        ? c - 0x57
        : c >= 0x41 && c <= 0x46
          ? c - 0x37
          : -1;

/** Go's regexp/syntax parser (Perl flags, as regexp.Compile uses), down to its error messages. */
export class Re2Parser {
  private readonly cs: number[];
  private pos = 0;

  constructor(private readonly src: string) {
    this.cs = Array.from(src, (c) => ch(c));
  }

  parse(): Node[][] {
    return this.alts({ i: false, m: false, s: false, U: false }, 0);
  }

  private text(a: number, b = this.cs.length): string {
    return String.fromCodePoint(...this.cs.slice(a, b));
  }

  private fail(code: string, a: number, b?: number): never {
    throw new Re2SyntaxError(code, this.text(a, b));
  }

  private at(o = 0): number | undefined {
    return this.cs[this.pos + o];
  }

  private alts(flags: Flags, depth: number): Node[][] {
    if (depth > MAX_DEPTH) throw new Re2SyntaxError(ERR.depth, this.src);
    const alts: Node[][] = [[]];
    let cur = alts[0];
    let lastRepeat = -1;
    while (this.pos < this.cs.length) {
      const c = this.cs[this.pos];
      let repeat = -1;
      if (c === ch(')')) {
        if (depth === 0) throw new Re2SyntaxError(ERR.unexpectedParen, this.src);
        return alts;
      } else if (c === ch('|')) {
        this.pos++;
        alts.push((cur = []));
      } else if (c === ch('(')) {
        const node = this.group(flags, depth);
        if (node) cur.push(node);
      } else if (c === ch('*') || c === ch('+') || c === ch('?')) {
        repeat = this.pos++;
        const [min, max] = c === ch('*') ? [0, -1] : c === ch('+') ? [1, -1] : [0, 1];
        this.repeat(cur, flags, repeat, min, max, lastRepeat, false);
      } else if (c === ch('{') && this.braces()) {
        repeat = this.pos;
        const [min, max, end] = this.braces() as [number, number, number];
        if (min < 0 || min > 1000 || max > 1000 || (max >= 0 && min > max)) this.fail(ERR.repeatSize, this.pos, end);
        this.pos = end;
        this.repeat(cur, flags, repeat, min, max, lastRepeat, true);
      } else {
        cur.push(...this.atom(flags));
      }
      lastRepeat = repeat;
    }
    if (depth > 0) throw new Re2SyntaxError(ERR.paren, this.src);
    return alts;
  }

  private repeat(
    cur: Node[],
    flags: Flags,
    start: number,
    min: number,
    max: number,
    lastRepeat: number,
    brace: boolean,
  ): void {
    let lazy = false;
    if (this.at() === ch('?')) {
      this.pos++;
      lazy = true;
    }
    if (lastRepeat >= 0) this.fail(ERR.repeatOp, lastRepeat, this.pos);
    const sub = cur.pop();
    if (!sub) this.fail(ERR.repeatArg, start, this.pos);
    const node: Node = { t: 'repeat', node: sub, min, max, greedy: lazy === flags.U, brace };
    if (brace && (min >= 2 || max >= 2) && !repeatIsValid(node, 1000)) this.fail(ERR.repeatSize, start, this.pos);
    cur.push(node);
  }

  /** `{n}`, `{n,}`, `{n,m}` at pos: [min, max, end] or null (then `{` is a literal). */
  private braces(): [number, number, number] | null {
    let p = this.pos + 1;
    const int = (): number | null => {
      if (!isDigit(this.cs[p])) return null;
      if (this.cs[p] === 0x30 && isDigit(this.cs[p + 1])) return null;
      let n = 0;
      for (; isDigit(this.cs[p]); p++) n = n < 0 || n >= 1e8 ? -1 : n * 10 + this.cs[p] - 0x30;
      return n;
    };
    let min = int();
    if (min === null) return null;
    let max = min;
    if (this.cs[p] === ch(',')) {
      p++;
      if (this.cs[p] === ch('}')) max = -1;
      else {
        const m = int();
        if (m === null) return null;
        max = m;
        if (m < 0) min = -1;
      }
    }
    return this.cs[p] === ch('}') ? [min, max, p + 1] : null;
  }

  /** `(`…`)`, `(?P<name>`…`)`, `(?flags)` and `(?flags:`…`)`; null for a bare flag change. */
  private group(flags: Flags, depth: number): Node | null {
    const start = this.pos;
    let capture = true;
    let name: string | undefined;
    const inner: Flags = { ...flags };
    if (this.at(1) === ch('?')) {
      if (this.cs.length - start > 4 && this.at(2) === ch('P') && this.at(3) === ch('<')) {
        const end = this.cs.indexOf(ch('>'), start);
        if (end < 0) this.fail(ERR.namedCapture, start);
        name = this.text(start + 4, end);
        if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail(ERR.namedCapture, start, end + 1);
        this.pos = end + 1;
      } else {
        this.pos += 2;
        let sign = 1;
        let saw = false;
        for (;;) {
          const c = this.cs[this.pos++];
          if (c === undefined) this.fail(ERR.perlOp, start);
          if (c === ch('i') || c === ch('m') || c === ch('s') || c === ch('U')) {
            inner[String.fromCodePoint(c) as keyof Flags] = sign > 0;
            saw = true;
          } else if (c === ch('-') && sign > 0) {
            sign = -1;
            saw = false;
          } else if ((c === ch(':') || c === ch(')')) && (sign > 0 || saw)) {
            if (c === ch(')')) {
              Object.assign(flags, inner);
              return null;
            }
            capture = false;
            break;
          } else this.fail(ERR.perlOp, start, this.pos);
        }
      }
    } else this.pos++;
    const alts = this.alts(inner, depth + 1);
    this.pos++; // the `)` that alts() stopped at
    return { t: 'group', capture, alts, name };
  }

  private atom(flags: Flags): Node[] {
    const c = this.cs[this.pos];
    if (c === ch('^')) return (this.pos++, [{ t: 'assert', what: flags.m ? 'bol' : 'bot' }]);
    if (c === ch('$')) return (this.pos++, [{ t: 'assert', what: flags.m ? 'eol' : 'eot' }]);
    if (c === ch('.')) return (this.pos++, [{ t: 'dot', nl: flags.s }]);
    if (c === ch('[')) return [this.charClass(flags)];
    if (c === ch('{')) return (this.pos++, [{ t: 'lit', cp: c, fold: flags.i }]);
    if (c !== ch('\\')) return (this.pos++, [{ t: 'lit', cp: c, fold: flags.i }]);
    const n = this.at(1);
    const simple: Record<string, Node> = {
      A: { t: 'assert', what: 'bot' },
      z: { t: 'assert', what: 'eot' },
      b: { t: 'assert', what: 'wb' },
      B: { t: 'assert', what: 'nwb' },
    };
    const name = n === undefined ? '' : String.fromCodePoint(n);
    if (simple[name]) return ((this.pos += 2), [simple[name]]);
    if (name === 'C') this.fail(ERR.escape, this.pos, this.pos + 2);
    if (name === 'Q') {
      let end = this.pos + 2;
      while (end < this.cs.length && !(this.cs[end] === ch('\\') && this.cs[end + 1] === ch('E'))) end++;
      const lits = this.cs.slice(this.pos + 2, end).map((cp): Node => ({ t: 'lit', cp, fold: flags.i }));
      this.pos = Math.min(end + 2, this.cs.length);
      return lits;
    }
    const item = this.unicodeClass() ?? this.perlClass();
    if (item) return [{ t: 'class', items: [item], neg: false, fold: flags.i }];
    return [{ t: 'lit', cp: this.escape(), fold: flags.i }];
  }

  private perlClass(): ClassItem | null {
    const n = this.at(1);
    if (this.at() !== ch('\\') || n === undefined) return null;
    const name = String.fromCodePoint(n);
    const ranges = PERL_CLASSES[name.toLowerCase()];
    if (!ranges || !'dswDSW'.includes(name)) return null;
    this.pos += 2;
    return { kind: 'ranges', ranges, neg: name !== name.toLowerCase() };
  }

  private unicodeClass(): ClassItem | null {
    const start = this.pos;
    if (this.at() !== ch('\\') || (this.at(1) !== ch('p') && this.at(1) !== ch('P'))) return null;
    let neg = this.at(1) === ch('P');
    this.pos += 2;
    let name: string;
    let seqEnd: number;
    if (this.at() !== ch('{')) {
      name = this.pos < this.cs.length ? this.text(this.pos, this.pos + 1) : '';
      seqEnd = Math.min(this.pos + 1, this.cs.length);
    } else {
      const end = this.cs.indexOf(ch('}'), start);
      if (end < 0) this.fail(ERR.charRange, start);
      name = this.text(start + 3, end);
      seqEnd = end + 1;
    }
    this.pos = seqEnd;
    if (name.startsWith('^')) {
      neg = !neg;
      name = name.slice(1);
    }
    if (name === 'Any') return { kind: 'ranges', ranges: [[0, MAX_RUNE]], neg };
    if (GO_CATEGORIES.has(name)) return { kind: 'prop', prop: name, neg };
    if (/^[A-Z][A-Za-z_]*$/.test(name) && (name.length > 4 || SHORT_SCRIPTS.has(name)) && !NEWER_SCRIPTS.has(name)) {
      try {
        new RegExp(`\\p{Script=${name}}`, 'u');
        return { kind: 'prop', prop: `Script=${name}`, neg };
      } catch {
        // not a script either: fall through to Go's error
      }
    }
    return this.fail(ERR.charRange, start, seqEnd);
  }

  /** Go's parseEscape: one escaped character at pos (a backslash). */
  private escape(): number {
    const start = this.pos++;
    if (this.pos >= this.cs.length) throw new Re2SyntaxError(ERR.trailing, '');
    const c = this.cs[this.pos++];
    if (c < 0x80 && !isAlnum(c)) return c;
    const octal = (x: number | undefined) => x !== undefined && x >= 0x30 && x <= 0x37;
    if ((c >= 0x31 && c <= 0x37 && octal(this.at())) || c === 0x30) {
      let r = c - 0x30;
      for (let i = 1; i < 3 && octal(this.at()); i++) r = r * 8 + this.cs[this.pos++] - 0x30;
      return r;
    }
    if (c === ch('x') && this.pos < this.cs.length) {
      const c2 = this.cs[this.pos++];
      if (c2 === ch('{')) {
        let r = 0;
        let n = 0;
        for (;;) {
          if (this.pos >= this.cs.length) break;
          const d = this.cs[this.pos++];
          if (d === ch('}')) {
            if (n > 0) return r;
            break;
          }
          const v = unhex(d);
          if (v < 0) break;
          r = r * 16 + v;
          if (r > MAX_RUNE) break;
          n++;
        }
      } else {
        const x = unhex(c2);
        const y = unhex(this.cs[this.pos]);
        if (this.pos < this.cs.length) this.pos++;
        if (x >= 0 && y >= 0) return x * 16 + y;
      }
    }
    const named: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
    const v = named[String.fromCodePoint(c)];
    if (v !== undefined) return v;
    return this.fail(ERR.escape, start, this.pos);
  }

  private charClass(flags: Flags): Node {
    const start = this.pos++;
    let neg = false;
    if (this.at() === ch('^')) {
      neg = true;
      this.pos++;
    }
    const plain: Ranges = [];
    const items: ClassItem[] = [];
    let first = true;
    while (this.pos >= this.cs.length || this.at() !== ch(']') || first) {
      first = false;
      if (this.cs.length - this.pos > 2 && this.at() === ch('[') && this.at(1) === ch(':')) {
        const close = this.text(this.pos + 2).indexOf(':]');
        if (close >= 0) {
          const end = this.pos + 2 + Array.from(this.text(this.pos + 2).slice(0, close)).length + 2;
          const name = this.text(this.pos, end);
          const m = /^\[:(\^?)([a-z]+):\]$/.exec(name);
          const ranges = m ? POSIX_CLASSES[m[2]] : undefined;
          if (!m || !ranges) this.fail(ERR.charRange, this.pos, end);
          items.push({ kind: 'ranges', ranges, neg: m[1] === '^' });
          this.pos = end;
          continue;
        }
      }
      const item = this.unicodeClass() ?? this.perlClass();
      if (item) {
        items.push(item);
        continue;
      }
      const rng = this.pos;
      const lo = this.classChar(start);
      let hi = lo;
      if (this.cs.length - this.pos >= 2 && this.at() === ch('-') && this.at(1) !== ch(']')) {
        this.pos++;
        hi = this.classChar(start);
        if (hi < lo) this.fail(ERR.charRange, rng, this.pos);
      }
      plain.push([lo, hi]);
    }
    this.pos++;
    return { t: 'class', items: [{ kind: 'ranges', ranges: plain, neg: false }, ...items], neg, fold: flags.i };
  }

  private classChar(classStart: number): number {
    if (this.pos >= this.cs.length) this.fail(ERR.bracket, classStart);
    if (this.at() === ch('\\')) return this.escape();
    return this.cs[this.pos++];
  }
}

/** Go's repeatIsValid: nested counted repetitions may not multiply past 1000. */
function repeatIsValid(n: Node, limit: number): boolean {
  let budget = limit;
  if (n.t === 'repeat' && n.brace) {
    let m = n.max;
    if (m === 0) return true;
    if (m < 0) m = n.min;
    if (m > budget) return false;
    if (m > 0) budget = Math.floor(budget / m);
  }
  if (n.t === 'repeat') return repeatIsValid(n.node, budget);
  if (n.t === 'group') return n.alts.every((a) => a.every((x) => repeatIsValid(x, budget)));
  return true;
}
