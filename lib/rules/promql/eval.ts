import { dropName } from '../labels';
import { matchesAll } from '../series-source';
import type { Expr, MatrixSelector, VectorSelector } from './ast';
import { aggregate } from './aggregate';
import { binaryValues } from './binary';
import { histogramQuantile } from './histogram';
import { applyRangeFunction } from './range-functions';
import type { EvalContext, Sample, Value } from './values';

/** Evaluates an expression at ctx.timeMs (an instant query). */
export function evaluate(e: Expr, ctx: EvalContext): Value {
  switch (e.kind) {
    case 'number':
      return { type: 'scalar', value: e.value };
    case 'vector':
      return { type: 'vector', samples: selectInstant(e, ctx) };
    case 'matrix':
      return selectRange(e, ctx);
    case 'unary': {
      const v = evaluate(e.expr, ctx);
      if (e.op === '+') return v;
      if (v.type === 'scalar') return { type: 'scalar', value: -v.value };
      return { type: 'vector', samples: asVector(v).map((s) => ({ labels: dropName(s.labels), value: -s.value })) };
    }
    case 'aggregate': {
      const param = e.param ? asScalar(evaluate(e.param, ctx)) : 0;
      return { type: 'vector', samples: aggregate(e.op, asVector(evaluate(e.expr, ctx)), e.grouping, e.without, param) };
    }
    case 'binary':
      return binaryValues(e.op, evaluate(e.lhs, ctx), evaluate(e.rhs, ctx), e.matching, e.bool);
    case 'call':
      return call(e.func, e.args, ctx);
  }
}

function selectInstant(sel: VectorSelector, ctx: EvalContext): Sample[] {
  const end = ctx.timeMs - sel.offsetMs;
  const start = end - ctx.lookbackMs;
  const out: Sample[] = [];
  // Left-open window (start, end], as in Prometheus 3.
  for (const s of ctx.source.select(sel.matchers, start, end)) {
    if (!matchesAll(sel.matchers, s.labels)) continue;
    for (let i = s.samples.length - 1; i >= 0; i--) {
      const [t, v] = s.samples[i];
      if (t > end) continue;
      if (t > start) out.push({ labels: { ...s.labels }, value: v });
      break;
    }
  }
  return out;
}

function selectRange(m: MatrixSelector, ctx: EvalContext): Value {
  const end = ctx.timeMs - m.offsetMs;
  const start = end - m.rangeMs;
  const series = ctx.source
    .select(m.selector.matchers, start, end)
    .filter((s) => matchesAll(m.selector.matchers, s.labels))
    .map((s) => ({ labels: { ...s.labels }, points: s.samples.filter(([t]) => t > start && t <= end) }))
    .filter((s) => s.points.length > 0);
  return { type: 'matrix', series, rangeStartMs: start, rangeEndMs: end, rangeMs: m.rangeMs };
}

function asVector(v: Value): Sample[] {
  if (v.type !== 'vector') throw new Error(`expected instant vector, got ${v.type}`);
  return v.samples;
}

function asScalar(v: Value): number {
  if (v.type !== 'scalar') throw new Error(`expected scalar, got ${v.type}`);
  return v.value;
}

function mapValues(samples: Sample[], f: (v: number) => number): Value {
  return { type: 'vector', samples: samples.map((s) => ({ labels: dropName(s.labels), value: f(s.value) })) };
}

function call(func: string, args: Expr[], ctx: EvalContext): Value {
  const arg = (i: number) => evaluate(args[i], ctx);
  switch (func) {
    case 'time':
      return { type: 'scalar', value: ctx.timeMs / 1000 };
    case 'abs':
      return mapValues(asVector(arg(0)), Math.abs);
    case 'clamp_min': {
      const min = asScalar(arg(1));
      return mapValues(asVector(arg(0)), (v) => (Number.isNaN(v) ? v : Math.max(v, min)));
    }
    case 'clamp_max': {
      const max = asScalar(arg(1));
      return mapValues(asVector(arg(0)), (v) => (Number.isNaN(v) ? v : Math.min(v, max)));
    }
    case 'histogram_quantile':
      return { type: 'vector', samples: histogramQuantile(asScalar(arg(0)), asVector(arg(1))) };
    case 'scalar': {
      const vs = asVector(arg(0));
      return { type: 'scalar', value: vs.length === 1 ? vs[0].value : NaN };
    }
    case 'vector':
      return { type: 'vector', samples: [{ labels: {}, value: asScalar(arg(0)) }] };
    case 'absent':
      return absent(args[0], asVector(arg(0)));
    default: {
      const isQuantile = func === 'quantile_over_time';
      const param = isQuantile ? asScalar(arg(0)) : 0;
      const m = arg(isQuantile ? 1 : 0);
      if (m.type !== 'matrix') throw new Error(`expected range vector in call to "${func}"`);
      return { type: 'vector', samples: applyRangeFunction(func, m.series, m.rangeStartMs, m.rangeEndMs, param) };
    }
  }
}

/** absent(v): 1 with the labels of v's equality matchers when v is empty, else nothing. */
function absent(e: Expr, samples: Sample[]): Value {
  if (samples.length > 0) return { type: 'vector', samples: [] };
  const labels: Record<string, string> = {};
  if (e.kind === 'vector') {
    for (const m of e.matchers) if (m.op === '=' && m.name !== '__name__') labels[m.name] = m.value;
  }
  return { type: 'vector', samples: [{ labels, value: 1 }] };
}
