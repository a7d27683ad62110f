import { COMPARE_OPS, type Expr, SET_OPS, UnsupportedError } from './ast';
import { FUNCTIONS, type ValueType } from './signatures';

/** Static checks Prometheus's parser makes, so a bad rule fails at load time, not at evaluation. */
export function checkTypes(e: Expr): ValueType {
  switch (e.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'subquery': {
      const inner = checkTypes(e.expr);
      expect(
        inner,
        ['vector'],
        'subquery',
        `subquery is only allowed on instant vector, got ${typeName(inner)} instead`,
      );
      return 'matrix';
    }
    case 'vector':
      return 'vector';
    case 'matrix':
      return 'matrix';
    case 'unary': {
      const t = checkTypes(e.expr);
      if (t === 'matrix' || t === 'string')
        throw new Error('unary expression only allowed on expressions of type scalar or instant vector');
      return t;
    }
    case 'call': {
      const sig = FUNCTIONS[e.func];
      if (!sig) throw new UnsupportedError(`function "${e.func}"`);
      const min = sig.args.length - (sig.optional ?? 0);
      if (e.args.length < min)
        throw new Error(`expected at least ${min} argument(s) in call to "${e.func}", got ${e.args.length}`);
      if (!sig.variadic && e.args.length > sig.args.length) {
        throw new Error(`expected at most ${sig.args.length} argument(s) in call to "${e.func}", got ${e.args.length}`);
      }
      e.args.forEach((a, i) =>
        expect(checkTypes(a), [sig.args[Math.min(i, sig.args.length - 1)]], `argument ${i + 1} of "${e.func}"`),
      );
      return sig.returns;
    }
    case 'aggregate': {
      if (e.param)
        expect(checkTypes(e.param), [e.op === 'count_values' ? 'string' : 'scalar'], `aggregation parameter`);
      expect(checkTypes(e.expr), ['vector'], 'aggregation expression');
      return 'vector';
    }
    case 'binary': {
      const l = checkTypes(e.lhs);
      const r = checkTypes(e.rhs);
      if (l === 'matrix' || r === 'matrix' || l === 'string' || r === 'string')
        throw new Error(`binary expression must contain only scalar and instant vector types`);
      const isCompare = COMPARE_OPS.includes(e.op);
      if (e.bool && !isCompare) throw new Error('bool modifier can only be used on comparison operators');
      if (SET_OPS.includes(e.op) && (l !== 'vector' || r !== 'vector')) {
        throw new Error(`set operator "${e.op}" not allowed in binary scalar expression`);
      }
      if (isCompare && l === 'scalar' && r === 'scalar' && !e.bool) {
        throw new Error('comparisons between scalars must use BOOL modifier');
      }
      if (e.matching && (l !== 'vector' || r !== 'vector')) {
        throw new Error('vector matching only allowed between instant vectors');
      }
      return l === 'scalar' && r === 'scalar' ? 'scalar' : 'vector';
    }
  }
}

function expect(got: ValueType, want: ValueType[], what: string, message?: string): void {
  if (!want.includes(got))
    throw new Error(message ?? `expected type ${typeName(want[0])} in ${what}, got ${typeName(got)}`);
}

function typeName(t: ValueType): string {
  return t === 'matrix' ? 'range vector' : t === 'vector' ? 'instant vector' : t;
}
