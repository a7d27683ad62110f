import type { Labels } from '../labels';
import type { SeriesSource } from '../series-source';
import type { StepVectors } from './step-plan';

/** t: the sample's own timestamp, kept by selectors for timestamp(). */
export type Sample = { labels: Labels; value: number; t?: number };
export type RangeSeries = { labels: Labels; points: [number, number][] };

export type Value =
  | { type: 'scalar'; value: number }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: RangeSeries[]; rangeStartMs: number; rangeEndMs: number; rangeMs: number }
  | { type: 'string'; value: string };

export type QueryValue = Value;

/** timeMs is the evaluation instant; startMs/endMs/stepMs the query's (for `@ start()`, `step()`; 0 step when instant). */
export type EvalContext = {
  source: SeriesSource;
  timeMs: number;
  startMs: number;
  endMs: number;
  stepMs: number;
  lookbackMs: number;
  /** Called before each step of a range query or subquery; the query API throws from it when time is up. */
  beforeStep?: () => void;
  /** Instant selectors answered for every step of the range query at once (the outer steps only). */
  stepVectors?: StepVectors;
};

export const DEFAULT_LOOKBACK_MS = 5 * 60_000;
