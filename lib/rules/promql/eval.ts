import { dropName, formatLabels, type Labels, labelsKey } from '../labels';
import { matchesAll, type StepSeries } from '../series-source';
import { aggregate } from './aggregate';
import type { At, Expr, MatrixSelector, Subquery, VectorSelector } from './ast';
import { binaryValues } from './binary';
import { callFunction } from './functions';
import type { EvalContext, RangeSeries, Sample, Value } from './values';

/** The default subquery step when `[range:]` names none (Prometheus uses the rule interval; tests 1m). */
const DEFAULT_SUBQUERY_STEP_MS = 60_000;

/** Evaluates an expression at ctx.timeMs (an instant query). */
export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.kind) {
    case 'number':
      return { type: 'scalar', value: e.value };
    case 'string':
      return { type: 'string', value: e.value };
    case 'vector':
      return { type: 'vector', samples: selectInstant(e, ctx) };
    case 'matrix':
      return selectRange(e, ctx);
    case 'subquery':
      return subquery(e, ctx);
    case 'unary': {
      const v = evaluate(e.expr, ctx);
      if (e.op === '+') return v;
      if (v.type === 'scalar') return { type: 'scalar', value: -v.value };
      return { type: 'vector', samples: asVector(v).map((s) => ({ labels: dropName(s.labels), value: -s.value })) };
    }
    case 'aggregate': {
      const p = e.param ? evaluate(e.param, ctx) : null;
      const param = p === null ? 0 : p.type === 'scalar' ? p.value : NaN;
      const label = p?.type === 'string' ? p.value : '';
      return {
        type: 'vector',
        samples: aggregate(e.op, asVector(evaluate(e.expr, ctx)), e.grouping, e.without, param, label),
      };
    }
    case 'binary':
      return binaryValues(e.op, evaluate(e.lhs, ctx), evaluate(e.rhs, ctx), e.matching, e.bool);
    case 'call': {
      const pre = precomputed(e, ctx, true);
      if (pre) return { type: 'vector', samples: pre };
      const v = callFunction(e.func, e.args, ctx, evaluate);
      if (v.type === 'vector') assertUniqueLabels(v.samples);
      return v;
    }
  }
}

export function assertUniqueLabels(samples: Sample[]): void {
  const seen = new Set<string>();
  for (const s of samples) {
    const k = labelsKey(s.labels);
    if (seen.has(k)) throw new Error(`vector cannot contain metrics with the same labelset ${formatLabels(s.labels)}`);
    seen.add(k);
  }
}

// A series' labels without the name, made once for every step: labels are never changed in place (a change copies).
const nameless = new WeakMap<StepSeries, Labels>();

function withoutName(s: StepSeries): Labels {
  let l = nameless.get(s);
  if (!l) nameless.set(s, (l = dropName(s.labels)));
  return l;
}

/** This step's answer from the range query's plan, if it has one for `e` (range functions drop the name). */
function precomputed(e: Expr, ctx: EvalContext, dropsName: boolean): Sample[] | undefined {
  const pre = ctx.stepVectors?.get(e);
  if (!pre) return undefined;
  const k = (ctx.timeMs - ctx.startMs) / ctx.stepMs;
  if (!(k < pre.steps)) return undefined;
  const out: Sample[] = [];
  for (const s of pre.series)
    if (s.present[k]) out.push({ labels: dropsName ? withoutName(s) : { ...s.labels }, value: s.values[k] });
  return out;
}

function refTime(at: At, offsetMs: number, ctx: EvalContext): number {
  const base = at === null ? ctx.timeMs : at === 'start' ? ctx.startMs : at === 'end' ? ctx.endMs : at.ms;
  return base - offsetMs;
}

function selectInstant(sel: VectorSelector, ctx: EvalContext): Sample[] {
  const end = refTime(sel.at, sel.offsetMs, ctx);
  const start = end - ctx.lookbackMs;
  const out: Sample[] = [];
  const pre = precomputed(sel, ctx, false);
  if (pre) return pre;
  // Left-open window (start, end], as in Prometheus 3; a staleness marker after the last sample ends the series.
  for (const s of ctx.source.select(sel.matchers, start, end)) {
    if (!matchesAll(sel.matchers, s.labels)) continue;
    for (let i = s.samples.length - 1; i >= 0; i--) {
      const [t, v] = s.samples[i];
      if (t > end) continue;
      const stale = s.staleMs?.some((st) => st >= t && st <= end) ?? false;
      if (t > start && !stale) out.push({ labels: { ...s.labels }, value: v, t });
      break;
    }
  }
  return out;
}

function selectRange(m: MatrixSelector, ctx: EvalContext): Value {
  const end = refTime(m.selector.at, m.selector.offsetMs, ctx);
  const start = end - m.rangeMs;
  const series = ctx.source
    .select(m.selector.matchers, start, end)
    .filter((s) => matchesAll(m.selector.matchers, s.labels))
    .map((s) => ({ labels: { ...s.labels }, points: s.samples.filter(([t]) => t > start && t <= end) }))
    .filter((s) => s.points.length > 0);
  return { type: 'matrix', series, rangeStartMs: start, rangeEndMs: end, rangeMs: m.rangeMs };
}

/** Go's integer division truncates toward zero; subquery steps are aligned with it. */
function goDiv(a: number, b: number): number {
  return Math.trunc(a / b);
}

function subquery(q: Subquery, ctx: EvalContext): Value {
  const end = refTime(q.at, q.offsetMs, ctx);
  const start = end - q.rangeMs;
  const step = q.stepMs ?? DEFAULT_SUBQUERY_STEP_MS;
  if (!(step > 0)) throw new Error('zero or negative subquery step');
  let t = step * goDiv(start, step);
  if (t <= start) t += step;
  const byKey = new Map<string, RangeSeries>();
  for (; t <= end; t += step) {
    ctx.beforeStep?.();
    const v = evaluate(q.expr, { ...ctx, timeMs: t });
    const samples: Sample[] =
      v.type === 'scalar' ? [{ labels: {}, value: v.value }] : v.type === 'vector' ? v.samples : [];
    if (v.type === 'matrix' || v.type === 'string')
      throw new Error('subquery is only allowed on instant vector or scalar');
    for (const s of samples) {
      const k = labelsKey(s.labels);
      let series = byKey.get(k);
      if (!series) byKey.set(k, (series = { labels: s.labels, points: [] }));
      series.points.push([t, s.value]);
    }
  }
  return { type: 'matrix', series: [...byKey.values()], rangeStartMs: start, rangeEndMs: end, rangeMs: q.rangeMs };
}

export function asVector(v: Value): Sample[] {
  if (v.type !== 'vector') throw new Error(`expected instant vector, got ${v.type}`);
  return v.samples;
}
