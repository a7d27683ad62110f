import type { ClassItem, Node } from './re2-ast';
import { complement, fold, isFoldClosed, normalize, orbit, type Ranges } from './re2-charset';

/** `names`: capture names already emitted (Go allows a name twice, JavaScript does not). */
type Ctx = { iFlag: boolean; names?: Set<string> };

const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split('').map((c) => c.codePointAt(0)));
const CLASS_SYNTAX = new Set('\\]^-['.split('').map((c) => c.codePointAt(0)));
const WORD: Ranges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];

function char(cp: number, inClass: boolean): string {
  if ((inClass ? CLASS_SYNTAX : SYNTAX).has(cp)) return `\\${String.fromCodePoint(cp)}`;
  if (
    cp < 0x20 ||
    cp === 0x7f ||
    (cp >= 0x80 && cp < 0xa0) ||
    (cp >= 0xd800 && cp <= 0xdfff) ||
    cp === 0x2028 ||
    cp === 0x2029
  ) {
    return `\\u{${cp.toString(16)}}`;
  }
  return String.fromCodePoint(cp);
}

function rangesSource(rs: Ranges): string {
  return normalize(rs)
    .map(([lo, hi]) =>
      lo === hi
        ? char(lo, true)
        : hi === lo + 1
          ? char(lo, true) + char(hi, true)
          : `${char(lo, true)}-${char(hi, true)}`,
    )
    .join('');
}

/** The class's explicit code points when it has no Unicode property (Go's folded, negated class). */
function explicitSet(n: Extract<Node, { t: 'class' }>): Ranges | null {
  if (n.items.some((i) => i.kind === 'prop')) return null;
  const parts = (n.items as Extract<ClassItem, { kind: 'ranges' }>[]).flatMap((i) => {
    const base = n.fold ? fold(i.ranges) : normalize(i.ranges);
    return i.neg ? complement(base) : base;
  });
  return n.neg ? complement(parts) : normalize(parts);
}

function classSource(n: Extract<Node, { t: 'class' }>, ctx: Ctx): string {
  const set = explicitSet(n);
  if (set) return `[${rangesSource(set)}]`;
  const ranges = n.items.flatMap((i) =>
    i.kind === 'ranges'
      ? i.neg
        ? complement(n.fold ? fold(i.ranges) : i.ranges)
        : n.fold
          ? fold(i.ranges)
          : i.ranges
      : [],
  );
  const props = n.items.filter((i): i is Extract<ClassItem, { kind: 'prop' }> => i.kind === 'prop');
  if (!ctx.iFlag || props.every((p) => !p.neg)) {
    return `[${n.neg ? '^' : ''}${rangesSource(ranges)}${props.map((p) => `\\${p.neg ? 'P' : 'p'}{${p.prop}}`).join('')}]`;
  }
  // Under JS's `i`, `\P{X}` is not Go's complement of the folded X, but `[^\p{X}]` is.
  const pos = `[${rangesSource(ranges)}${props
    .filter((p) => !p.neg)
    .map((p) => `\\p{${p.prop}}`)
    .join('')}]`;
  const negs = props.filter((p) => p.neg).map((p) => p.prop);
  const hasPos = pos !== '[]';
  if (!n.neg) return `(?:${[...(hasPos ? [pos] : []), ...negs.map((p) => `[^\\p{${p}}]`)].join('|')})`;
  return `(?:${hasPos ? `(?!${pos})` : ''}${negs.map((p) => `(?=\\p{${p}})`).join('')}[^])`;
}

function litSource(n: Extract<Node, { t: 'lit' }>, ctx: Ctx): string {
  if (!n.fold || ctx.iFlag) return char(n.cp, false);
  const o = orbit(n.cp);
  return o.length > 1 ? `[${rangesSource(o.map((c): [number, number] => [c, c]))}]` : char(n.cp, false);
}

const ASSERTS: Record<Extract<Node, { t: 'assert' }>['what'], string> = {
  bot: '^',
  eot: '$',
  bol: '(?:^|(?<=\\n))',
  eol: '(?:$|(?=\\n))',
  wb: `(?:(?<=[${rangesSource(WORD)}])(?![${rangesSource(WORD)}])|(?<![${rangesSource(WORD)}])(?=[${rangesSource(WORD)}]))`,
  nwb: `(?:(?<=[${rangesSource(WORD)}])(?=[${rangesSource(WORD)}])|(?<![${rangesSource(WORD)}])(?![${rangesSource(WORD)}]))`,
};

export function nodeSource(n: Node, ctx: Ctx): string {
  switch (n.t) {
    case 'lit':
      return litSource(n, ctx);
    case 'class':
      return classSource(n, ctx);
    case 'dot':
      return n.nl ? '[^]' : '[^\\n]';
    case 'assert':
      return ASSERTS[n.what];
    case 'group':
      return `(${n.capture ? groupName(n.name, ctx) : '?:'}${altsSource(n.alts, ctx)})`;
    case 'repeat': {
      const inner = nodeSource(n.node, ctx);
      const atomic =
        n.node.t === 'group' ||
        n.node.t === 'dot' ||
        (n.node.t === 'lit' && !inner.startsWith('(')) ||
        (n.node.t === 'class' && inner.startsWith('['));
      const q =
        n.min === 0 && n.max === -1
          ? '*'
          : n.min === 1 && n.max === -1
            ? '+'
            : n.min === 0 && n.max === 1
              ? '?'
              : n.max === -1
                ? `{${n.min},}`
                : n.min === n.max
                  ? `{${n.min}}`
                  : `{${n.min},${n.max}}`;
      return `${atomic ? inner : `(?:${inner})`}${q}${n.greedy ? '' : '?'}`;
    }
  }
}

export function altsSource(alts: Node[][], ctx: Ctx): string {
  return alts.map((a) => a.map((n) => nodeSource(n, ctx)).join('')).join('|');
}

/**
 * Whether JS's `i` flag can stand for Go's per-node fold flags: every case-sensitive node is
 * fold-closed (unaffected by `i`) and some folding node needs it; otherwise literals are expanded.
 */
export function chooseIFlag(alts: Node[][]): boolean {
  const folds = (n: Node): boolean =>
    n.t === 'lit' || n.t === 'class'
      ? n.fold
      : n.t === 'group'
        ? n.alts.some((a) => a.some(folds))
        : n.t === 'repeat' && folds(n.node);
  // The fold tables take a moment to build: patterns without (?i) never need them.
  if (!alts.some((a) => a.some(folds))) return false;
  let wants = false;
  let forbids = false;
  const visit = (n: Node): void => {
    if (n.t === 'lit' && orbit(n.cp).length > 1) n.fold ? (wants = true) : (forbids = true);
    else if (n.t === 'class') {
      const set = explicitSet(n);
      if (set === null) n.fold ? (wants = true) : (forbids = true);
      else if (!isFoldClosed(set)) forbids = true;
      if (n.items.some((i) => i.kind === 'ranges' && i.neg) && n.fold) wants = true;
    } else if (n.t === 'assert' && (n.what === 'wb' || n.what === 'nwb')) forbids = true;
    else if (n.t === 'group') n.alts.forEach((a) => a.forEach(visit));
    else if (n.t === 'repeat') visit(n.node);
  };
  alts.forEach((a) => a.forEach(visit));
  return wants && !forbids;
}

/** `(?P<name>…)` keeps its name for `$name` expansion where JavaScript can spell it (not `1a`). */
function groupName(name: string | undefined, ctx: Ctx): string {
  if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || ctx.names?.has(name)) return '';
  (ctx.names ??= new Set()).add(name);
  return `?<${name}>`;
}
