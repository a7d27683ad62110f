export type ValueType = 'scalar' | 'vector' | 'matrix' | 'string';

/** Argument and return types; `optional` trailing args may be left out, `variadic` repeats the last. */
export type Signature = { args: ValueType[]; returns: ValueType; optional?: number; variadic?: boolean };

const v = (args: ValueType[], extra: Partial<Signature> = {}): Signature => ({ args, returns: 'vector', ...extra });
const overTime = v(['matrix']);
const math = v(['vector']);
const date = v(['vector'], { optional: 1 });

/** The functions Lookout evaluates. */
export const FUNCTIONS: Record<string, Signature> = {
  rate: overTime, irate: overTime, increase: overTime, delta: overTime, idelta: overTime, deriv: overTime,
  changes: overTime, resets: overTime,
  avg_over_time: overTime, min_over_time: overTime, max_over_time: overTime, sum_over_time: overTime,
  count_over_time: overTime, last_over_time: overTime, first_over_time: overTime, present_over_time: overTime,
  stddev_over_time: overTime, stdvar_over_time: overTime, mad_over_time: overTime, absent_over_time: overTime,
  ts_of_min_over_time: overTime, ts_of_max_over_time: overTime, ts_of_first_over_time: overTime, ts_of_last_over_time: overTime,
  quantile_over_time: v(['scalar', 'matrix']),
  predict_linear: v(['matrix', 'scalar']),
  double_exponential_smoothing: v(['matrix', 'scalar', 'scalar']),
  histogram_quantile: v(['scalar', 'vector']),
  histogram_fraction: v(['scalar', 'scalar', 'vector']),
  abs: math, ceil: math, floor: math, exp: math, sqrt: math, ln: math, log2: math, log10: math, sgn: math,
  acos: math, acosh: math, asin: math, asinh: math, atan: math, atanh: math,
  cos: math, cosh: math, sin: math, sinh: math, tan: math, tanh: math, deg: math, rad: math,
  round: v(['vector', 'scalar'], { optional: 1 }),
  clamp: v(['vector', 'scalar', 'scalar']),
  clamp_min: v(['vector', 'scalar']),
  clamp_max: v(['vector', 'scalar']),
  day_of_month: date, day_of_week: date, day_of_year: date, days_in_month: date,
  hour: date, minute: date, month: date, year: date,
  timestamp: math,
  sort: math, sort_desc: math,
  sort_by_label: v(['vector', 'string'], { variadic: true, optional: 1 }),
  sort_by_label_desc: v(['vector', 'string'], { variadic: true, optional: 1 }),
  label_replace: v(['vector', 'string', 'string', 'string', 'string']),
  label_join: v(['vector', 'string', 'string', 'string'], { variadic: true, optional: 1 }),
  time: { args: [], returns: 'scalar' },
  pi: { args: [], returns: 'scalar' },
  start: { args: [], returns: 'scalar' },
  end: { args: [], returns: 'scalar' },
  step: { args: [], returns: 'scalar' },
  range: { args: [], returns: 'scalar' },
  scalar: { args: ['vector'], returns: 'scalar' },
  vector: v(['scalar']),
  absent: math,
};
