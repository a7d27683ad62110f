import type { Matcher } from '../series-source';

export const AGG_OPS = [
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'topk',
  'bottomk',
  'group',
  'stddev',
  'stdvar',
  'quantile',
  'count_values',
  'limitk',
  'limit_ratio',
] as const;
export type AggOp = (typeof AGG_OPS)[number];
export type ArithOp = '+' | '-' | '*' | '/' | '%' | '^' | 'atan2';
export type CompareOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinOp = ArithOp | CompareOp | SetOp;

/** `@ <ts>` (ms), `@ start()`, `@ end()`. */
export type At = { ms: number } | 'start' | 'end' | null;

export type VectorSelector = { kind: 'vector'; matchers: Matcher[]; offsetMs: number; at: At };
export type MatrixSelector = { kind: 'matrix'; selector: VectorSelector; rangeMs: number };
export type Subquery = {
  kind: 'subquery';
  expr: Expr;
  rangeMs: number;
  stepMs: number | null;
  offsetMs: number;
  at: At;
};

export type Matching = {
  on: boolean;
  labels: string[];
  card: 'one-to-one' | 'many-to-one' | 'one-to-many';
  include: string[];
};

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | VectorSelector
  | MatrixSelector
  | Subquery
  | { kind: 'call'; func: string; args: Expr[] }
  | { kind: 'aggregate'; op: AggOp; param: Expr | null; expr: Expr; grouping: string[]; without: boolean }
  | { kind: 'binary'; op: BinOp; lhs: Expr; rhs: Expr; bool: boolean; matching: Matching | null }
  | { kind: 'unary'; op: '-' | '+'; expr: Expr };

export const COMPARE_OPS: readonly string[] = ['==', '!=', '>', '<', '>=', '<='];
export const SET_OPS: readonly string[] = ['and', 'or', 'unless'];

/** Error for valid PromQL that Lookout does not evaluate; the message names the part. */
export class UnsupportedError extends Error {
  constructor(part: string) {
    super(`unsupported PromQL: ${part}`);
    this.name = 'UnsupportedError';
  }
}
