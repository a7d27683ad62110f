import { formatLabels, type Labels, labelsKey } from '@/lib/rules/labels';
import {
  type Expr,
  instantQuery,
  parsePromQL,
  type QueryValue,
  type RangeResult,
  rangeQuery,
} from '@/lib/rules/promql';
import { InMemorySeriesSource } from '@/lib/rules/series-source';
import { atVariants } from './at-variants';
import type { SeqValue } from './series-notation';
import { type EvalCase, parseTestFile } from './test-file';

export { type EvalCase, parseTestFile } from './test-file';

export type CaseOutcome = { line: number; expr: string; status: 'passed' | 'failed' | 'skipped'; reason?: string };

const EPSILON = 1e-6;
const MIN_NORMAL = 2.2250738585072014e-308;

/** promqltest's almost.Equal: relative error below 1e-6, NaN equals NaN. */
export function almostEqual(a: number, b: number): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (a === b) return true;
  const absSum = Math.abs(a) + Math.abs(b);
  const diff = Math.abs(a - b);
  if (a === 0 || b === 0 || absSum < MIN_NORMAL) return diff < EPSILON * MIN_NORMAL;
  return diff / Math.min(absSum, Number.MAX_VALUE) < EPSILON;
}

/** Runs every command of one file; returns one outcome per eval. `expect` may replace a case's expectations. */
export function runTestFile(text: string, expect?: (c: EvalCase) => void): CaseOutcome[] {
  const source = new InMemorySeriesSource();
  const histogramNames = new Set<string>();
  const out: CaseOutcome[] = [];
  for (const cmd of parseTestFile(text)) {
    if (cmd.kind === 'clear') {
      source.clear();
      histogramNames.clear();
    } else if (cmd.kind === 'load') {
      load(source, cmd.stepMs, cmd.series);
      for (const n of cmd.histogramNames) histogramNames.add(n);
      // load_with_nhcb also stores each classic histogram as a native one under its base name.
      if (cmd.nhcb)
        for (const s of cmd.series) histogramNames.add((s.labels.__name__ ?? '').replace(/_(bucket|count|sum)$/, ''));
    } else {
      const c = cmd.c;
      expect?.(c);
      const touchesHistogram = [...histogramNames].some(
        (n) => n !== '' && new RegExp(`(^|[^\\w:])${n}(?![\\w:])`).test(c.expr),
      );
      const skip = c.skip ?? (touchesHistogram ? 'native histogram input' : null);
      if (skip) {
        out.push({ line: c.line, expr: c.expr, status: 'skipped', reason: skip });
        continue;
      }
      const reason = runCase(source, c);
      out.push({
        line: c.line,
        expr: c.expr,
        status: reason === null ? 'passed' : 'failed',
        reason: reason ?? undefined,
      });
    }
  }
  return out;
}

function load(source: InMemorySeriesSource, stepMs: number, series: { labels: Labels; values: SeqValue[] }[]): void {
  for (const s of series) {
    // An empty label value is no label at all in Prometheus.
    const labels = Object.fromEntries(Object.entries(s.labels).filter(([, v]) => v !== ''));
    s.values.forEach((v, k) => {
      if (v === 'omitted') return;
      if (v === 'stale') source.markStale(labels, k * stepMs);
      else source.push(labels, k * stepMs, v);
    });
  }
}

function errMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function runCase(source: InMemorySeriesSource, c: EvalCase): string | null {
  const first = runQuery(source, c, c.expr, c.atMs);
  if (first !== null || c.range) return first;
  let expr: Expr;
  try {
    expr = parsePromQL(c.expr);
  } catch {
    return null; // an expected parse failure: already checked
  }
  for (const v of atVariants(expr, c.atMs)) {
    const m = runQuery(source, c, v.expr, v.atMs);
    if (m !== null) return `with @ ${v.atMs / 1000} at ${v.atMs / 1000}s: ${m}`;
  }
  return null;
}

function runQuery(source: InMemorySeriesSource, c: EvalCase, query: string | Expr, atMs: number): string | null {
  let result: QueryValue | RangeResult;
  try {
    result = c.range
      ? rangeQuery(query, source, c.range.startMs, c.range.endMs, c.range.stepMs)
      : instantQuery(query, source, atMs);
  } catch (e) {
    if (!c.fail) return `error: ${errMessage(e)}`;
    const msg = errMessage(e);
    if (c.fail.message !== undefined && !msg.includes(c.fail.message))
      return `expected failure "${c.fail.message}", got "${msg}"`;
    if (c.fail.regex && !c.fail.regex.test(msg)) return `expected failure matching ${c.fail.regex}, got "${msg}"`;
    return null;
  }
  if (c.fail) return 'expected an error, got a result';
  if (Array.isArray(result)) return compareMatrix(c, result, c.range!);
  const mismatch = compareValue(c, result);
  // As promqltest, no range-mode check where the query's own range matters (start(), @ end(), step(), …).
  if (
    mismatch ||
    c.range ||
    c.ordered ||
    c.expectMatrix ||
    c.expectString !== null ||
    /(start|end|range|step)\(\)/.test(c.expr)
  ) {
    return mismatch;
  }
  // promqltest also checks that the same query in range mode agrees at the instant.
  try {
    const r = rangeQuery(query, source, atMs - 60_000, atMs + 60_000, 60_000);
    const samples = r.flatMap((s) =>
      s.points.filter(([t]) => t === atMs).map(([, v]) => ({ labels: s.labels, value: v })),
    );
    const asValue: QueryValue =
      result.type === 'scalar' ? { type: 'scalar', value: samples[0]?.value ?? NaN } : { type: 'vector', samples };
    const m = compareValue(c, asValue);
    return m ? `range mode: ${m}` : null;
  } catch (e) {
    return `range mode: error: ${errMessage(e)}`;
  }
}

function compareValue(c: EvalCase, v: QueryValue): string | null {
  if (v.type === 'string')
    return c.expectString === v.value
      ? null
      : `expected string ${JSON.stringify(c.expectString)}, got ${JSON.stringify(v.value)}`;
  if (v.type === 'scalar' && c.scalarAsVector) v = { type: 'vector', samples: [{ labels: {}, value: v.value }] };
  if (v.type === 'scalar') {
    if (c.expectScalar === null) return `expected a vector, got scalar ${v.value}`;
    return almostEqual(c.expectScalar, v.value) ? null : `expected scalar ${c.expectScalar}, got ${v.value}`;
  }
  if (v.type === 'matrix') {
    if (!c.expectMatrix) return 'expected an instant result, got a range vector';
    const end = c.expectMatrix.endMs;
    return compareMatrix(
      c,
      v.series.map((s) => ({ labels: s.labels, points: s.points.filter(([t]) => t <= end) })),
      c.expectMatrix,
    );
  }
  if (c.expectScalar !== null) return 'expected a scalar, got a vector';
  const expected = new Map(c.expected.map((e, pos) => [labelsKey(e.labels), { ...e, pos }]));
  const seen = new Set<string>();
  for (const [pos, s] of v.samples.entries()) {
    const k = labelsKey(s.labels);
    const e = expected.get(k);
    if (!e) return `unexpected ${formatLabels(s.labels)} ${s.value}`;
    if (c.ordered && e.pos !== pos) return `${formatLabels(s.labels)} at position ${pos + 1}, expected ${e.pos + 1}`;
    const want = e.values[0];
    if (typeof want !== 'number' || !almostEqual(want, s.value))
      return `expected ${want} for ${formatLabels(s.labels)}, got ${s.value}`;
    seen.add(k);
  }
  for (const [k, e] of expected) if (!seen.has(k)) return `missing ${formatLabels(e.labels)}`;
  return null;
}

function compareMatrix(c: EvalCase, series: RangeResult, r: { startMs: number; stepMs: number }): string | null {
  const expected = new Map(c.expected.map((e) => [labelsKey(e.labels), e]));
  const seen = new Set<string>();
  for (const s of series) {
    const k = labelsKey(s.labels);
    const e = expected.get(k);
    if (!e) return `unexpected ${formatLabels(s.labels)} ${JSON.stringify(s.points)}`;
    seen.add(k);
    const want = e.values.flatMap((v, i) => (typeof v === 'number' ? [[r.startMs + i * r.stepMs, v] as const] : []));
    if (want.length !== s.points.length)
      return `${formatLabels(s.labels)}: expected ${want.length} points, got ${JSON.stringify(s.points)}`;
    for (let i = 0; i < want.length; i++) {
      const [t, v] = s.points[i];
      if (t !== want[i][0] || !almostEqual(want[i][1], v))
        return `${formatLabels(s.labels)} point ${i}: expected ${want[i][1]}@${want[i][0]}, got ${v}@${t}`;
    }
  }
  for (const [k, e] of expected) if (!seen.has(k)) return `missing ${formatLabels(e.labels)}`;
  return null;
}
