import { dropName, formatLabels, keepOnly, labelsKey, type Labels, without } from '../labels';
import { type BinOp, COMPARE_OPS } from './ast';
import type { Sample, Value } from './values';

type Matching = { on: boolean; labels: string[] } | null;

export function arith(op: BinOp, l: number, r: number): number {
  switch (op) {
    case '+': return l + r;
    case '-': return l - r;
    case '*': return l * r;
    case '/': return l / r;
    case '%': return l % r;
    case '^': return Math.pow(l, r);
    default: throw new Error(`not an arithmetic operator: ${op}`);
  }
}

export function compare(op: BinOp, l: number, r: number): boolean {
  switch (op) {
    case '==': return l === r;
    case '!=': return l !== r;
    case '>': return l > r;
    case '<': return l < r;
    case '>=': return l >= r;
    case '<=': return l <= r;
    default: throw new Error(`not a comparison operator: ${op}`);
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
export function vectorScalar(op: BinOp, samples: Sample[], scalar: number, scalarLeft: boolean, bool: boolean): Sample[] {
  const out: Sample[] = [];
  for (const s of samples) {
    const [l, r] = scalarLeft ? [scalar, s.value] : [s.value, scalar];
    if (!isCompare(op)) out.push({ labels: dropName(s.labels), value: arith(op, l, r) });
    else if (bool) out.push({ labels: dropName(s.labels), value: compare(op, l, r) ? 1 : 0 });
    else if (compare(op, l, r)) out.push({ labels: s.labels, value: s.value });
  }
  return out;
}

export function vectorVector(op: BinOp, lhs: Sample[], rhs: Sample[], m: Matching, bool: boolean): Sample[] {
  if (op === 'and' || op === 'or' || op === 'unless') return setOp(op, lhs, rhs, m);
  const right = new Map<string, Sample>();
  for (const s of rhs) {
    const sig = signature(s.labels, m);
    if (right.has(sig)) {
      throw new Error(
        `found duplicate series for the match group ${formatLabels(matchLabels(s.labels, m))} on the right hand-side of the operation; many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    }
    right.set(sig, s);
  }
  const seen = new Set<string>();
  const out: Sample[] = [];
  for (const l of lhs) {
    const sig = signature(l.labels, m);
    const r = right.get(sig);
    if (!r) continue;
    if (seen.has(sig)) throw new Error('multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)');
    seen.add(sig);
    let labels: Labels = !isCompare(op) || bool ? dropName(l.labels) : { ...l.labels };
    if (m?.on) labels = keepOnly(labels, m.labels);
    else if (m) labels = without(labels, m.labels);
    if (!isCompare(op)) out.push({ labels, value: arith(op, l.value, r.value) });
    else if (bool) out.push({ labels, value: compare(op, l.value, r.value) ? 1 : 0 });
    else if (compare(op, l.value, r.value)) out.push({ labels, value: l.value });
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
  if (l.type === 'vector' && r.type === 'scalar') return { type: 'vector', samples: vectorScalar(op, l.samples, r.value, false, bool) };
  if (l.type === 'scalar' && r.type === 'vector') return { type: 'vector', samples: vectorScalar(op, r.samples, l.value, true, bool) };
  if (l.type === 'vector' && r.type === 'vector') return { type: 'vector', samples: vectorVector(op, l.samples, r.samples, m, bool) };
  throw new Error('binary expression must contain only scalar and instant vector types');
}
