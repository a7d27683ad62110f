/** Code-point sets as sorted, merged [lo, hi] ranges, with Go's fold and negation. */
export type Ranges = [number, number][];

export const MAX_RUNE = 0x10ffff;

export function normalize(rs: Ranges): Ranges {
  const sorted = [...rs].sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function complement(rs: Ranges): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of normalize(rs)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_RUNE) out.push([next, MAX_RUNE]);
  return out;
}

function contains(rs: Ranges, cp: number): boolean {
  return rs.some(([lo, hi]) => cp >= lo && cp <= hi);
}

let orbits: number[][] | null = null;
let orbitOf: Map<number, number[]> | null = null;

/** Case-fold orbits (Go's unicode.SimpleFold cycles), built once from the engine's case mappings. */
function foldOrbits(): Map<number, number[]> {
  if (orbitOf) return orbitOf;
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    for (let p = parent.get(r); p !== undefined && p !== r; p = parent.get(r)) r = p;
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    parent.set(ra, ra);
    parent.set(rb, ra);
  };
  for (let cp = 0; cp < 0x1f000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const s = String.fromCodePoint(cp);
    for (const m of [s.toLowerCase(), s.toUpperCase()]) {
      const c = m.codePointAt(0) as number;
      if (m !== s && String.fromCodePoint(c) === m) union(cp, c);
    }
  }
  const groups = new Map<number, number[]>();
  for (const cp of parent.keys()) {
    const r = find(cp);
    const g = groups.get(r) ?? [];
    g.push(cp);
    groups.set(r, g);
  }
  orbits = [...groups.values()].filter((g) => g.length > 1).map((g) => g.sort((a, b) => a - b));
  orbitOf = new Map();
  for (const g of orbits) for (const cp of g) orbitOf.set(cp, g);
  return orbitOf;
}

/** The code points a case-insensitive match of `cp` accepts (itself included). */
export function orbit(cp: number): number[] {
  return foldOrbits().get(cp) ?? [cp];
}

/** Adds every case variant of the set's members (Go's appendFoldedRange). */
export function fold(rs: Ranges): Ranges {
  foldOrbits();
  const extra: Ranges = [];
  for (const g of orbits ?? []) if (g.some((cp) => contains(rs, cp))) for (const cp of g) extra.push([cp, cp]);
  return normalize([...rs, ...extra]);
}

export function isFoldClosed(rs: Ranges): boolean {
  const n = normalize(rs);
  const f = fold(n);
  return f.length === n.length && f.every(([lo, hi], i) => lo === n[i][0] && hi === n[i][1]);
}

const r = (s: string): Ranges => {
  const out: Ranges = [];
  for (let i = 0; i < s.length; i += 2) out.push([s.charCodeAt(i), s.charCodeAt(i + 1)]);
  return out;
};

/** RE2's Perl classes (ASCII only). */
export const PERL_CLASSES: Record<string, Ranges> = { d: r('09'), s: r('\t\n\f\r  '), w: r('09AZ__az') };

/** RE2's POSIX classes, `[[:name:]]`. */
export const POSIX_CLASSES: Record<string, Ranges> = {
  alnum: r('09AZaz'),
  alpha: r('AZaz'),
  ascii: r('\u0000\u007f'),
  blank: r('\t\t  '),
  cntrl: r('\u0000\u001f\u007f\u007f'),
  digit: r('09'),
  graph: r('!~'),
  lower: r('az'),
  print: r(' ~'),
  punct: r('!/:@[`{~'),
  space: r('\t\r  '),
  upper: r('AZ'),
  word: r('09AZaz__'),
  xdigit: r('09AFaf'),
};

/** Go's unicode.Categories names (Go has no `Cn` or `LC`). */
export const GO_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);
