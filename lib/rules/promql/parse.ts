import { parser } from '@prometheus-io/lezer-promql';
import type { SyntaxNode } from '@lezer/common';
import { type AggOp, type BinOp, type Expr, UnsupportedError } from './ast';
import { parseDurationMs, parseNumber } from './parse-literals';
import { children, convertSelector, labelText } from './parse-selector';
import { FUNCTIONS } from './signatures';
import { checkTypes } from './typecheck';

const AGG_OPS: readonly string[] = ['sum', 'avg', 'min', 'max', 'count', 'topk', 'bottomk'];
const UNSUPPORTED_NODES: Record<string, string> = {
  SubqueryExpr: 'subqueries (expr[range:step])',
  StepInvariantExpr: 'the @ modifier',
  AnchoredExpr: 'the anchored modifier',
  SmoothedExpr: 'the smoothed modifier',
  StringLiteral: 'string literals as expressions',
};

/** Parses PromQL with Prometheus's own lezer grammar into Lookout's AST, then type-checks it. */
export function parsePromQL(text: string): Expr {
  const tree = parser.parse(text);
  let errorAt = -1;
  tree.iterate({
    enter: (n) => {
      if (errorAt < 0 && n.type.isError) errorAt = n.from;
    },
  });
  if (errorAt >= 0) {
    const near = text.slice(Math.max(0, errorAt - 10), errorAt + 10);
    throw new Error(`PromQL parse error at character ${errorAt + 1} (near "${near}") in: ${text}`);
  }
  const top = tree.topNode.firstChild;
  if (!top) throw new Error('empty PromQL expression');
  const expr = convert(top, text);
  checkTypes(expr);
  return expr;
}

function convert(node: SyntaxNode, src: string): Expr {
  const text = (n: SyntaxNode) => src.slice(n.from, n.to);
  const kids = children(node);
  switch (node.name) {
    case 'ParenExpr':
      return convert(kids[0], src);
    case 'NumberDurationLiteral':
      return { kind: 'number', value: parseNumber(text(node)) };
    case 'VectorSelector':
      return convertSelector(node, src);
    case 'MatrixSelector': {
      const selector = convertSelector(kids[0], src);
      return { kind: 'matrix', selector, rangeMs: durationOf(kids[1], src), offsetMs: 0 };
    }
    case 'OffsetExpr': {
      const inner = convert(kids[0], src);
      const offsetMs = durationOf(kids[kids.length - 1], src);
      if (inner.kind !== 'vector' && inner.kind !== 'matrix') {
        throw new Error(`offset modifier must be preceded by a selector: ${text(node)}`);
      }
      return { ...inner, offsetMs };
    }
    case 'UnaryExpr':
      return { kind: 'unary', op: text(kids[0]) === '-' ? '-' : '+', expr: convert(kids[1], src) };
    case 'FunctionCall': {
      const func = text(kids[0]);
      if (!FUNCTIONS[func]) throw new UnsupportedError(`function "${func}"`);
      const body = kids.find((k) => k.name === 'FunctionCallBody');
      return { kind: 'call', func, args: body ? children(body).map((a) => convert(a, src)) : [] };
    }
    case 'AggregateExpr':
      return convertAggregate(node, src);
    case 'BinaryExpr':
      return convertBinary(kids, src);
    default:
      throw new UnsupportedError(UNSUPPORTED_NODES[node.name] ?? `${node.name} "${text(node)}"`);
  }
}

function durationOf(node: SyntaxNode, src: string): number {
  const t = src.slice(node.from, node.to).replace(/\s+/g, '');
  const sign = t.startsWith('-') ? -1 : 1;
  try {
    return sign * parseDurationMs(t.replace(/^[+-]/, ''));
  } catch {
    throw new UnsupportedError(`duration expression "${t}" (use a literal such as 5m)`);
  }
}

function convertAggregate(node: SyntaxNode, src: string): Expr {
  const kids = children(node);
  const op = src.slice(kids[0].from, kids[0].to).toLowerCase();
  if (!AGG_OPS.includes(op)) throw new UnsupportedError(`aggregation "${op}"`);
  const body = kids.find((k) => k.name === 'FunctionCallBody');
  const args = body ? children(body).map((a) => convert(a, src)) : [];
  const modifier = kids.find((k) => k.name === 'AggregateModifier');
  let grouping: string[] = [];
  let isWithout = false;
  if (modifier) {
    isWithout = children(modifier)[0].name === 'Without';
    const labelsNode = children(modifier).find((k) => k.name === 'GroupingLabels');
    grouping = labelsNode ? children(labelsNode).map((l) => labelText(l, src)) : [];
  }
  const needsParam = op === 'topk' || op === 'bottomk';
  if (args.length !== (needsParam ? 2 : 1)) {
    throw new Error(`wrong number of arguments for aggregate expression ${op}: got ${args.length}`);
  }
  return {
    kind: 'aggregate',
    op: op as AggOp,
    param: needsParam ? args[0] : null,
    expr: args[args.length - 1],
    grouping,
    without: isWithout,
  };
}

function convertBinary(kids: SyntaxNode[], src: string): Expr {
  const op = src.slice(kids[1].from, kids[1].to).toLowerCase() as BinOp;
  if (op === ('atan2' as string)) throw new UnsupportedError('the atan2 operator');
  let bool = false;
  let matching: { on: boolean; labels: string[] } | null = null;
  for (const k of kids.slice(2, -1)) {
    if (k.name === 'BoolModifier') bool = true;
    if (k.name !== 'MatchingModifierClause') continue;
    const parts = children(k);
    if (parts.some((p) => p.name === 'GroupLeft' || p.name === 'GroupRight')) {
      throw new UnsupportedError('group_left/group_right (many-to-one matching)');
    }
    const labelsNode = parts.find((p) => p.name === 'GroupingLabels');
    matching = {
      on: parts[0].name === 'On',
      labels: labelsNode ? children(labelsNode).map((l) => labelText(l, src)) : [],
    };
  }
  return {
    kind: 'binary',
    op,
    lhs: convert(kids[0], src),
    rhs: convert(kids[kids.length - 1], src),
    bool,
    matching,
  };
}
