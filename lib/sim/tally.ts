import type { CostTally } from './cost-tally';

/** What the simulator wrote, counted as docs/api.md#counting and docs/ccproxy-reference.md#what-counts-as-a-request define it. */
export interface Counts {
  requests: number;
  errors: number;
  client_errors: number;
  rate_limited: number;
  input_tokens: number;
  output_tokens: number;
}

export interface Bucket extends Counts {
  latencies_ms: number[];
}

export type LogFormat = 'v1' | 'v0';

export interface FileTally {
  source: string;
  format: LogFormat;
  path: string;
  /** Byte offset where this run started appending (files are appended to, never truncated). */
  start_offset: number;
  lines: number;
  first_ts: string | null;
  last_ts: string | null;
  totals: Bucket;
  providers: Record<string, Bucket>;
  /** Cost per provider, model and client (lib/sim/cost-tally.ts). */
  costs: CostTally;
}

export interface Tally {
  started_at: string;
  files: Record<LogFormat, FileTally>;
}

export interface RequestRecord {
  provider: string;
  status: number;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  end_ms: number;
}

export function emptyBucket(): Bucket {
  return {
    requests: 0,
    errors: 0,
    client_errors: 0,
    rate_limited: 0,
    input_tokens: 0,
    output_tokens: 0,
    latencies_ms: [],
  };
}

export function createFileTally(source: string, format: LogFormat, path: string, startOffset: number): FileTally {
  return {
    source,
    format,
    path,
    start_offset: startOffset,
    lines: 0,
    first_ts: null,
    last_ts: null,
    totals: emptyBucket(),
    providers: {},
    costs: {},
  };
}

function add(bucket: Bucket, r: RequestRecord): void {
  bucket.requests += 1;
  if (r.status >= 500) bucket.errors += 1;
  if (r.status >= 400 && r.status < 500) bucket.client_errors += 1;
  if (r.status === 429) bucket.rate_limited += 1;
  bucket.input_tokens += r.input_tokens;
  bucket.output_tokens += r.output_tokens;
  bucket.latencies_ms.push(r.latency_ms);
}

export function recordRequest(file: FileTally, r: RequestRecord): void {
  add(file.totals, r);
  add((file.providers[r.provider] ??= emptyBucket()), r);
  const ts = new Date(r.end_ms).toISOString();
  if (file.first_ts === null || ts < file.first_ts) file.first_ts = ts;
  if (file.last_ts === null || ts > file.last_ts) file.last_ts = ts;
}

export function recordLines(file: FileTally, n: number): void {
  file.lines += n;
}

/** Nearest-rank percentile of exact values (Lookout's histogram answers within 5 % of it). */
export function percentile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function merge(into: Bucket, from: Bucket): void {
  into.requests += from.requests;
  into.errors += from.errors;
  into.client_errors += from.client_errors;
  into.rate_limited += from.rate_limited;
  into.input_tokens += from.input_tokens;
  into.output_tokens += from.output_tokens;
  into.latencies_ms.push(...from.latencies_ms);
}

type Summary = Counts & {
  error_rate: number;
  latency_ms: { p50: number | null; p95: number | null; p99: number | null };
};

function summarize(b: Bucket): Summary {
  const { latencies_ms: values, ...counts } = b;
  return {
    ...counts,
    error_rate: b.requests === 0 ? 0 : b.errors / b.requests,
    latency_ms: { p50: percentile(values, 0.5), p95: percentile(values, 0.95), p99: percentile(values, 0.99) },
  };
}

export interface TallySnapshot extends Tally {
  lines: number;
  totals: Summary;
  providers: Record<string, Summary>;
  summaries: Record<LogFormat, { totals: Summary; providers: Record<string, Summary> }>;
}

/** The JSON served at /__sim/tally and written to tally.json: raw counts plus derived rates and percentiles. */
export function snapshotTally(t: Tally): TallySnapshot {
  const totals = emptyBucket();
  const providers: Record<string, Bucket> = {};
  const files = [t.files.v1, t.files.v0];
  for (const f of files) {
    merge(totals, f.totals);
    for (const [name, b] of Object.entries(f.providers)) merge((providers[name] ??= emptyBucket()), b);
  }
  const summariesOf = (f: FileTally) => ({ totals: summarize(f.totals), providers: mapValues(f.providers, summarize) });
  return {
    ...structuredClone(t),
    lines: files.reduce((s, f) => s + f.lines, 0),
    totals: summarize(totals),
    providers: mapValues(providers, summarize),
    summaries: { v1: summariesOf(t.files.v1), v0: summariesOf(t.files.v0) },
  };
}

function mapValues<A, B>(o: Record<string, A>, fn: (a: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fn(v)]));
}
