import type { SyntaxNode } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';
import { AGG_OPS, type AggOp, type At, type BinOp, type Expr, type Matching, UnsupportedError } from './ast';
import { normalizeNumbers, parseDurationMs, parseNumber, unquote } from './parse-literals';
import { children, convertSelector, labelText } from './parse-selector';
import { FUNCTIONS } from './signatures';
import { checkTypes } from './typecheck';

const UNSUPPORTED_NODES: Record<string, string> = {
  AnchoredExpr: 'the anchored modifier',
  SmoothedExpr: 'the smoothed modifier',
  FillModifier: 'the fill modifiers',
};

type Modifier = { offsetMs: number } | { at: At };

/** Parses PromQL with Prometheus's own lezer grammar into Lookout's AST, then type-checks it. */
export function parsePromQL(original: string): Expr {
  const text = normalizeNumbers(original);
  const tree = parser.parse(text);
  let errorAt = -1;
  tree.iterate({
    enter: (n) => {
      if (errorAt < 0 && n.type.isError) errorAt = n.from;
    },
  });
  if (errorAt >= 0) {
    const near = text.slice(Math.max(0, errorAt - 10), errorAt + 10);
    throw new Error(`PromQL parse error at character ${errorAt + 1} (near "${near}") in: ${original}`);
  }
  const top = tree.topNode.firstChild;
  if (!top) throw new Error('empty PromQL expression');
  const expr = convert(top, text, []);
  checkTypes(expr);
  return expr;
}

function convert(node: SyntaxNode, src: string, mods: Modifier[]): Expr {
  const text = (n: SyntaxNode) => src.slice(n.from, n.to);
  const kids = children(node);
  switch (node.name) {
    case 'OffsetExpr':
      // Prometheus binds `offset`/`@` to the selector on their left; lezer binds them to the whole operand.
      return convert(kids[0], src, [{ offsetMs: durationOf(kids[kids.length - 1], src) }, ...mods]);
    case 'StepInvariantExpr':
      return convert(kids[0], src, [{ at: atOf(kids.slice(2), src) }, ...mods]);
    case 'BinaryExpr':
      return convertBinary(kids, src, mods);
    case 'UnaryExpr':
      return { kind: 'unary', op: text(kids[0]) === '-' ? '-' : '+', expr: convert(kids[1], src, mods) };
  }
  return applyModifiers(convertPlain(node, kids, src), mods, text(node));
}

function applyModifiers(e: Expr, mods: Modifier[], where: string): Expr {
  for (const m of mods) {
    const target = e.kind === 'matrix' ? e.selector : e;
    if (target.kind !== 'vector' && target.kind !== 'subquery') {
      throw new Error(
        `${'at' in m ? '@' : 'offset'} modifier must be preceded by an instant vector selector or range vector selector or a subquery: ${where}`,
      );
    }
    if ('at' in m) {
      if (target.at !== null) throw new Error('@ <timestamp> may not be set multiple times');
      target.at = m.at;
    } else {
      if (target.offsetMs !== 0) throw new Error('offset may not be set multiple times');
      target.offsetMs = m.offsetMs;
    }
  }
  return e;
}

function convertPlain(node: SyntaxNode, kids: SyntaxNode[], src: string): Expr {
  const text = (n: SyntaxNode) => src.slice(n.from, n.to);
  switch (node.name) {
    case 'ParenExpr':
      return convert(kids[0], src, []);
    case 'NumberDurationLiteral':
      return { kind: 'number', value: parseNumber(text(node).replace(/\s+/g, '')) };
    case 'StringLiteral':
      return { kind: 'string', value: unquote(text(node)) };
    case 'VectorSelector':
      return convertSelector(node, src);
    case 'MatrixSelector': {
      if (kids[0].name !== 'VectorSelector') throw new Error(`ranges only allowed for vector selectors: ${text(node)}`);
      return { kind: 'matrix', selector: convertSelector(kids[0], src), rangeMs: durationOf(kids[1], src) };
    }
    case 'SubqueryExpr': {
      const durations = kids.filter((k) => k.name === 'DurationExpr');
      return {
        kind: 'subquery',
        expr: convert(kids[0], src, []),
        rangeMs: durationOf(durations[0], src),
        stepMs: durations[1] ? durationOf(durations[1], src) : null,
        offsetMs: 0,
        at: null,
      };
    }
    case 'FunctionCall': {
      const func = text(kids[0]);
      if (!FUNCTIONS[func]) throw new UnsupportedError(`function "${func}"`);
      const body = kids.find((k) => k.name === 'FunctionCallBody');
      return { kind: 'call', func, args: body ? children(body).map((a) => convert(a, src, [])) : [] };
    }
    case 'AggregateExpr':
      return convertAggregate(node, src);
    default:
      throw new UnsupportedError(UNSUPPORTED_NODES[node.name] ?? `${node.name} "${text(node)}"`);
  }
}

function atOf(nodes: SyntaxNode[], src: string): At {
  const n = nodes[0];
  const t = src.slice(n.from, n.to).trim();
  if (n.name === 'AtModifierPreprocessors') return t === 'start' ? 'start' : 'end';
  const secs = parseNumber(t.replace(/\s+/g, ''));
  if (!Number.isFinite(secs)) throw new Error(`timestamp out of bounds for @ modifier: ${secs}`);
  return { ms: Math.round(secs * 1000) };
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
  // limit_ratio samples series by their label hash (xxhash), which Lookout does not reproduce.
  if (!(AGG_OPS as readonly string[]).includes(op) || op === 'limit_ratio')
    throw new UnsupportedError(`aggregation "${op}"`);
  const body = kids.find((k) => k.name === 'FunctionCallBody');
  const args = body ? children(body).map((a) => convert(a, src, [])) : [];
  const modifier = kids.find((k) => k.name === 'AggregateModifier');
  let grouping: string[] = [];
  let isWithout = false;
  if (modifier) {
    isWithout = children(modifier)[0].name === 'Without';
    const labelsNode = children(modifier).find((k) => k.name === 'GroupingLabels');
    grouping = labelsNode ? children(labelsNode).map((l) => labelText(l, src)) : [];
  }
  const needsParam = ['topk', 'bottomk', 'quantile', 'count_values', 'limitk', 'limit_ratio'].includes(op);
  if (args.length !== (needsParam ? 2 : 1)) {
    throw new Error(
      `wrong number of arguments for aggregate expression provided, expected ${needsParam ? 2 : 1}, got ${args.length}`,
    );
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

function convertBinary(kids: SyntaxNode[], src: string, mods: Modifier[]): Expr {
  const op = src.slice(kids[1].from, kids[1].to).toLowerCase() as BinOp;
  let bool = false;
  let matching: Matching | null = null;
  for (const k of kids.slice(2, -1)) {
    if (k.name === 'BoolModifier') bool = true;
    if (k.name === 'FillModifier') throw new UnsupportedError(UNSUPPORTED_NODES.FillModifier);
    if (k.name !== 'MatchingModifierClause') continue;
    const parts = children(k);
    const groups = parts
      .filter((p) => p.name === 'GroupingLabels')
      .map((g) => children(g).map((l) => labelText(l, src)));
    const side = parts.find((p) => p.name === 'GroupLeft' || p.name === 'GroupRight');
    matching = {
      on: parts[0].name === 'On',
      labels: groups[0] ?? [],
      card: !side ? 'one-to-one' : side.name === 'GroupLeft' ? 'many-to-one' : 'one-to-many',
      include: groups[1] ?? [],
    };
  }
  return {
    kind: 'binary',
    op,
    lhs: convert(kids[0], src, []),
    rhs: convert(kids[kids.length - 1], src, mods),
    bool,
    matching,
  };
}
