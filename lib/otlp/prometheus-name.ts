// The OTel → Prometheus translation Prometheus applies to OTLP it receives (its otlptranslator with
// underscore escaping and suffixes): dots and other characters to `_`, the unit as a suffix,
// `_total` on monotonic sums, `_ratio` for gauges in unit 1.

const UNITS: Record<string, string> = {
  d: 'days',
  h: 'hours',
  min: 'minutes',
  s: 'seconds',
  ms: 'milliseconds',
  us: 'microseconds',
  ns: 'nanoseconds',
  By: 'bytes',
  KiBy: 'kibibytes',
  MiBy: 'mebibytes',
  GiBy: 'gibibytes',
  TiBy: 'tibibytes',
  KBy: 'kilobytes',
  MBy: 'megabytes',
  GBy: 'gigabytes',
  TBy: 'terabytes',
  m: 'meters',
  V: 'volts',
  A: 'amperes',
  J: 'joules',
  W: 'watts',
  g: 'grams',
  Cel: 'celsius',
  Hz: 'hertz',
  '%': 'percent',
};

const PER_UNITS: Record<string, string> = {
  s: 'second',
  m: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  mo: 'month',
  y: 'year',
};

/** Prometheus's cleaning of a name or unit word: runs of other characters become one `_`. */
const clean = (s: string) =>
  s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .join('_');

/** The unit's words: `ms` → milliseconds, `By/s` → bytes_per_second, `{tokens}` (an annotation) → nothing. */
export function unitSuffix(unit: string): string {
  const bare = unit.replace(/\{[^}]*\}/g, '').trim();
  if (!bare || bare === '1') return '';
  const [main, per] = bare.split('/', 2);
  const words = [UNITS[main] ?? clean(main)];
  if (per !== undefined) words.push('per', PER_UNITS[per] ?? clean(per));
  return words.filter(Boolean).join('_');
}

export type OtlpKind = 'counter' | 'gauge' | 'histogram' | 'summary';

/** The Prometheus metric name of an OTLP metric of this kind and unit. */
export function prometheusName(name: string, unit: string, kind: OtlpKind): string {
  let out = clean(name);
  if (/^\d/.test(out)) out = `_${out}`;
  const words = out.split('_');
  const suffix = unitSuffix(unit);
  if (suffix && !out.endsWith(suffix)) out = `${out}_${suffix}`;
  if (kind === 'gauge' && unit === '1' && !words.includes('ratio')) out = `${out}_ratio`;
  if (kind === 'counter' && !out.endsWith('_total')) out = `${out}_total`;
  return out || '_';
}

/** A label name from an attribute key: other characters to `_`, a leading digit prefixed with `key_`. */
export function labelName(key: string): string {
  const out = key.replace(/[^A-Za-z0-9_]/g, '_');
  if (/^\d/.test(out)) return `key_${out}`;
  return out || 'key_';
}
