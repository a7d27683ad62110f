import { dropName, formatLabels, keepOnly, type Labels, labelsKey, without } from '../labels';
import { type Matching as AstMatching, type BinOp, COMPARE_OPS } from './ast';

type Matching = AstMatching | null;

import type { Sample, Value } from './values';

export function arith(op: BinOp, l: number, r: number): number {
  switch (op) {
    case '+':
      return l + r;
    case '-':
      return l - r;
    case '*':
      return l * r;
    case '/':
      return l / r;
    case '%':
      return l % r;
    case '^':
      return l ** r;
    case 'atan2':
      return Math.atan2(l, r);
    default:
      throw new Error(`not an arithmetic operator: ${op}`);
  }
}

export function compare(op: BinOp, l: number, r: number): boolean {
  switch (op) {
    case '==':
      return l === r;
    case '!=':
      return l !== r;
    case '>':
      return l > r;
    case '<':
      return l < r;
    case '>=':
      return l >= r;
    case '<=':
      return l <= r;
    default:
      throw new Error(`not a comparison operator: ${op}`);
  }
}

const isCompare = (op: BinOp) => COMPARE_OPS.includes(op);

function matchLabels(labels: Labels, m: Matching): Labels {
  return m?.on ? keepOnly(labels, m.labels) : without(dropName(labels), m?.labels ?? []);
}

function signature(labels: Labels, m: Matching): string {
  return labelsKey(matchLabels(labels, m));
}

export function scalarBinary(op: BinOp, l: number, r: number): number {
  return isCompare(op) ? (compare(op, l, r) ? 1 : 0) : arith(op, l, r);
}

/** Vector–scalar: comparisons keep the vector's value (even when the scalar is on the left). */
export function vectorScalar(
  op: BinOp,
  samples: Sample[],
  scalar: number,
  scalarLeft: boolean,
  bool: boolean,
): Sample[] {
  const out: Sample[] = [];
  for (const s of samples) {
    const [l, r] = scalarLeft ? [scalar, s.value] : [s.value, scalar];
    if (!isCompare(op)) out.push({ labels: dropName(s.labels), value: arith(op, l, r) });
    else if (bool) out.push({ labels: dropName(s.labels), value: compare(op, l, r) ? 1 : 0 });
    else if (compare(op, l, r)) out.push({ labels: s.labels, value: s.value });
  }
  return out;
}

function sortedPair(a: Labels, b: Labels): string {
  const [x, y] = [formatLabels(a), formatLabels(b)].sort();
  return `[${x}, ${y}]`;
}

/** Prometheus's VectorBinop: one-to-one, or many-to-one / one-to-many with group_left/group_right. */
export function vectorVector(op: BinOp, lhsIn: Sample[], rhsIn: Sample[], m: Matching, bool: boolean): Sample[] {
  if (op === 'and' || op === 'or' || op === 'unless') return setOp(op, lhsIn, rhsIn, m);
  if (lhsIn.length === 0 || rhsIn.length === 0) return [];
  const card = m?.card ?? 'one-to-one';
  const swapped = card === 'one-to-many';
  const [lhs, rhs] = swapped ? [rhsIn, lhsIn] : [lhsIn, rhsIn];
  const right = new Map<string, Sample>();
  for (const s of rhs) {
    const sig = signature(s.labels, m);
    const dup = right.get(sig);
    if (dup) {
      throw new Error(
        `found duplicate series for the match group ${formatLabels(matchLabels(s.labels, m))} on the ${swapped ? 'left' : 'right'} hand-side of the operation: ${sortedPair(s.labels, dup.labels)};many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    }
    right.set(sig, s);
  }
  const matched = new Map<string, Set<string>>();
  const out: Sample[] = [];
  for (const ls of lhs) {
    const sig = signature(ls.labels, m);
    const rs = right.get(sig);
    if (!rs) continue;
    const [fl, fr] = swapped ? [rs.value, ls.value] : [ls.value, rs.value];
    let labels: Labels = !isCompare(op) || bool ? dropName(ls.labels) : { ...ls.labels };
    if (card === 'one-to-one') {
      if (m?.on) labels = keepOnly(labels, m.labels);
      else if (m) labels = without(labels, m.labels);
    }
    for (const n of m?.include ?? []) {
      if (rs.labels[n]) labels[n] = rs.labels[n];
      else delete labels[n];
    }
    const seen = matched.get(sig) ?? new Set<string>();
    const key = card === 'one-to-one' ? '' : labelsKey(labels);
    if (seen.has(key)) {
      throw new Error(
        card === 'one-to-one'
          ? 'multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)'
          : 'multiple matches for labels: grouping labels must ensure unique matches',
      );
    }
    seen.add(key);
    matched.set(sig, seen);
    if (!isCompare(op)) out.push({ labels, value: arith(op, fl, fr) });
    else if (bool) out.push({ labels, value: compare(op, fl, fr) ? 1 : 0 });
    else if (compare(op, fl, fr)) out.push({ labels, value: fl });
  }
  return out;
}

function setOp(op: 'and' | 'or' | 'unless', lhs: Sample[], rhs: Sample[], m: Matching): Sample[] {
  const rightSigs = new Set(rhs.map((s) => signature(s.labels, m)));
  if (op === 'and') return lhs.filter((s) => rightSigs.has(signature(s.labels, m)));
  if (op === 'unless') return lhs.filter((s) => !rightSigs.has(signature(s.labels, m)));
  const leftSigs = new Set(lhs.map((s) => signature(s.labels, m)));
  return [...lhs, ...rhs.filter((s) => !leftSigs.has(signature(s.labels, m)))];
}

export function binaryValues(op: BinOp, l: Value, r: Value, m: Matching, bool: boolean): Value {
  if (l.type === 'scalar' && r.type === 'scalar') return { type: 'scalar', value: scalarBinary(op, l.value, r.value) };
  if (l.type === 'vector' && r.type === 'scalar')
    return { type: 'vector', samples: vectorScalar(op, l.samples, r.value, false, bool) };
  if (l.type === 'scalar' && r.type === 'vector')
    return { type: 'vector', samples: vectorScalar(op, r.samples, l.value, true, bool) };
  if (l.type === 'vector' && r.type === 'vector')
    return { type: 'vector', samples: vectorVector(op, l.samples, r.samples, m, bool) };
  throw new Error('binary expression must contain only scalar and instant vector types');
}
