import type { Matcher } from '../series-source';

export type AggOp = 'sum' | 'avg' | 'min' | 'max' | 'count' | 'topk' | 'bottomk';
export type ArithOp = '+' | '-' | '*' | '/' | '%' | '^';
export type CompareOp = '==' | '!=' | '>' | '<' | '>=' | '<=';
export type SetOp = 'and' | 'or' | 'unless';
export type BinOp = ArithOp | CompareOp | SetOp;

export type VectorSelector = { kind: 'vector'; matchers: Matcher[]; offsetMs: number };
export type MatrixSelector = { kind: 'matrix'; selector: VectorSelector; rangeMs: number; offsetMs: number };

export type Expr =
  | { kind: 'number'; value: number }
  | VectorSelector
  | MatrixSelector
  | { kind: 'call'; func: string; args: Expr[] }
  | { kind: 'aggregate'; op: AggOp; param: Expr | null; expr: Expr; grouping: string[]; without: boolean }
  | {
      kind: 'binary';
      op: BinOp;
      lhs: Expr;
      rhs: Expr;
      bool: boolean;
      matching: { on: boolean; labels: string[] } | null;
    }
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
