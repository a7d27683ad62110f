import { dropName, type Labels } from '../labels';
import type { Expr } from './ast';
import { histogramFraction, histogramQuantile } from './histogram';
import { labelJoin, labelReplace, sortByLabel, sortByValue } from './label-functions';
import { applyRangeFunction } from './range-functions';
import type { EvalContext, Sample, Value } from './values';

type Evaluate = (e: Expr, ctx: EvalContext) => Value;

const MATH: Record<string, (v: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  sqrt: Math.sqrt,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sgn: (v) => (v < 0 ? -1 : v > 0 ? 1 : v),
  acos: Math.acos,
  acosh: Math.acosh,
  asin: Math.asin,
  asinh: Math.asinh,
  atan: Math.atan,
  atanh: Math.atanh,
  cos: Math.cos,
  cosh: Math.cosh,
  sin: Math.sin,
  sinh: Math.sinh,
  tan: Math.tan,
  tanh: Math.tanh,
  deg: (v) => (v * 180) / Math.PI,
  rad: (v) => (v * Math.PI) / 180,
};

const DATE: Record<string, (d: Date) => number> = {
  day_of_month: (d) => d.getUTCDate(),
  day_of_week: (d) => d.getUTCDay(),
  day_of_year: (d) =>
    Math.round(
      (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000,
    ) + 1,
  days_in_month: (d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate(),
  hour: (d) => d.getUTCHours(),
  minute: (d) => d.getUTCMinutes(),
  month: (d) => d.getUTCMonth() + 1,
  year: (d) => d.getUTCFullYear(),
};

function vec(samples: Sample[]): Value {
  return { type: 'vector', samples };
}

function mapValues(samples: Sample[], f: (v: number) => number): Value {
  return vec(samples.map((s) => ({ labels: dropName(s.labels), value: f(s.value) })));
}

function asVector(v: Value): Sample[] {
  if (v.type !== 'vector') throw new Error(`expected instant vector, got ${v.type}`);
  return v.samples;
}

function asScalar(v: Value): number {
  if (v.type !== 'scalar') throw new Error(`expected scalar, got ${v.type}`);
  return v.value;
}

function asString(v: Value): string {
  if (v.type !== 'string') throw new Error(`expected string, got ${v.type}`);
  return v.value;
}

/** Labels for absent()/absent_over_time(): the selector's equality matchers, a name matched twice dropped. */
function absentLabels(e: Expr): Labels {
  const sel = e.kind === 'vector' ? e : e.kind === 'matrix' ? e.selector : null;
  const labels: Labels = {};
  const has = new Set<string>();
  for (const m of sel?.matchers ?? []) {
    if (m.name === '__name__') continue;
    if (m.op === '=' && !has.has(m.name)) {
      labels[m.name] = m.value;
      has.add(m.name);
    } else delete labels[m.name];
  }
  return labels;
}

/** Evaluates a function call at ctx.timeMs. */
export function callFunction(func: string, args: Expr[], ctx: EvalContext, evaluate: Evaluate): Value {
  const arg = (i: number) => evaluate(args[i], ctx);
  if (MATH[func]) return mapValues(asVector(arg(0)), MATH[func]);
  if (DATE[func]) {
    const input = args.length === 0 ? [{ labels: {}, value: ctx.timeMs / 1000 }] : asVector(arg(0));
    return mapValues(input, (v) => (Number.isFinite(v) ? DATE[func](new Date(Math.trunc(v) * 1000)) : NaN));
  }
  switch (func) {
    case 'time':
      return { type: 'scalar', value: ctx.timeMs / 1000 };
    case 'pi':
      return { type: 'scalar', value: Math.PI };
    case 'start':
      return { type: 'scalar', value: ctx.startMs / 1000 };
    case 'end':
      return { type: 'scalar', value: ctx.endMs / 1000 };
    case 'step':
      return { type: 'scalar', value: ctx.stepMs / 1000 };
    case 'range':
      return { type: 'scalar', value: (ctx.endMs - ctx.startMs) / 1000 };
    case 'round': {
      const inv = 1 / (args.length > 1 ? asScalar(arg(1)) : 1);
      return mapValues(asVector(arg(0)), (v) => Math.floor(v * inv + 0.5) / inv);
    }
    case 'clamp': {
      const [min, max] = [asScalar(arg(1)), asScalar(arg(2))];
      if (max < min) return vec([]);
      return mapValues(asVector(arg(0)), (v) => (Number.isNaN(v) ? v : Math.max(min, Math.min(max, v))));
    }
    case 'clamp_min': {
      const min = asScalar(arg(1));
      return mapValues(asVector(arg(0)), (v) => (Number.isNaN(v) ? v : Math.max(v, min)));
    }
    case 'clamp_max': {
      const max = asScalar(arg(1));
      return mapValues(asVector(arg(0)), (v) => (Number.isNaN(v) ? v : Math.min(v, max)));
    }
    case 'timestamp':
      return vec(asVector(arg(0)).map((s) => ({ labels: dropName(s.labels), value: (s.t ?? ctx.timeMs) / 1000 })));
    case 'histogram_fraction':
      return vec(histogramFraction(asScalar(arg(0)), asScalar(arg(1)), asVector(arg(2))));
    case 'histogram_quantile':
      return vec(histogramQuantile(asScalar(arg(0)), asVector(arg(1))));
    case 'scalar': {
      const vs = asVector(arg(0));
      return { type: 'scalar', value: vs.length === 1 ? vs[0].value : NaN };
    }
    case 'vector':
      return vec([{ labels: {}, value: asScalar(arg(0)) }]);
    case 'absent':
      return vec(asVector(arg(0)).length > 0 ? [] : [{ labels: absentLabels(args[0]), value: 1 }]);
    case 'absent_over_time': {
      const m = arg(0);
      if (m.type !== 'matrix') throw new Error('expected range vector in call to "absent_over_time"');
      return vec(m.series.length > 0 ? [] : [{ labels: absentLabels(args[0]), value: 1 }]);
    }
    case 'sort':
    case 'sort_desc':
      return vec(sortByValue(asVector(arg(0)), func === 'sort_desc'));
    case 'sort_by_label':
    case 'sort_by_label_desc':
      return vec(
        sortByLabel(
          asVector(arg(0)),
          args.slice(1).map((_a, i) => asString(arg(i + 1))),
          func === 'sort_by_label_desc',
        ),
      );
    case 'label_replace':
      return vec(
        labelReplace(asVector(arg(0)), asString(arg(1)), asString(arg(2)), asString(arg(3)), asString(arg(4))),
      );
    case 'label_join':
      return vec(
        labelJoin(
          asVector(arg(0)),
          asString(arg(1)),
          asString(arg(2)),
          args.slice(3).map((_a, i) => asString(arg(i + 3))),
        ),
      );
    default: {
      const scalarFirst = func === 'quantile_over_time';
      const m = arg(scalarFirst ? 1 : 0);
      if (m.type !== 'matrix') throw new Error(`expected range vector in call to "${func}"`);
      const params = args
        .slice(scalarFirst ? 0 : 1)
        .filter((_a, i) => !scalarFirst || i === 0)
        .map((a) => asScalar(evaluate(a, ctx)));
      return vec(applyRangeFunction(func, m.series, m.rangeStartMs, m.rangeEndMs, params, ctx.timeMs));
    }
  }
}
