import { lex, type Token } from './lex';
import { number, unquote } from './literals';
import type { Arg, Command, Node, Pipe, Tree } from './nodes';

export class TemplateError extends Error {}

/** Go's "template: NAME:LINE: msg" for a parse error at a byte offset. */
export function lineOf(source: string, pos: number): number {
  return source.slice(0, pos).split('\n').length;
}

type End = { keyword: 'end' | 'else'; pos: number };

/** Parses text into named trees (the main one under `name`, plus every define/block), checking function names as Go does. */
export function parse(
  name: string,
  source: string,
  hasFunc: (n: string) => boolean,
  unsupported: Record<string, string> = {},
): Map<string, Tree> {
  const fail = (msg: string, pos: number): never => {
    throw new TemplateError(`template: ${name}:${lineOf(source, pos)}: ${msg}`);
  };
  const tokens = lex(source, fail);
  const trees = new Map<string, Tree>();
  let i = 0;
  let vars: string[] = ['$'];

  const peek = () => tokens[i];
  const next = () => tokens[i++];
  const peekNonSpace = () => {
    while (tokens[i].type === 'space') i++;
    return tokens[i];
  };
  const nextNonSpace = () => {
    peekNonSpace();
    return tokens[i++];
  };
  const expectRight = (ctx: string) => {
    const t = nextNonSpace();
    if (t.type !== 'right') fail(`unexpected ${describe(t)} in ${ctx}`, t.pos);
  };

  /** Parses nodes until {{end}} or {{else}}; returns them and what stopped the list. */
  function list(inRange: boolean, topLevel: boolean): { nodes: Node[]; end: End | null } {
    const nodes: Node[] = [];
    for (;;) {
      const t = next();
      if (t.type === 'eof') {
        if (!topLevel) fail(`unexpected EOF`, t.pos);
        return { nodes, end: null };
      }
      if (t.type === 'text') nodes.push({ kind: 'text', pos: t.pos, text: t.value });
      else if (t.type === 'comment') continue;
      else {
        const k = peekNonSpace();
        if (k.type === 'keyword') {
          next();
          if (k.value === 'end' || k.value === 'else') {
            if (topLevel) fail(`unexpected {{${k.value}}}`, k.pos);
            if (k.value === 'end') expectRight('end');
            return { nodes, end: { keyword: k.value, pos: k.pos } };
          }
          const node = control(k, inRange, topLevel, t.pos);
          if (node) nodes.push(node);
        } else {
          const pipe = pipeline('command', 'right', false);
          nodes.push({ kind: 'action', pos: t.pos, pipe });
        }
      }
    }
  }

  function control(k: Token, inRange: boolean, topLevel: boolean, leftPos: number): Node | null {
    switch (k.value) {
      case 'if':
      case 'with':
        return branch(k.value, k.pos, inRange);
      case 'range':
        return branch('range', k.pos, inRange);
      case 'break':
      case 'continue':
        if (!inRange) fail(`{{${k.value}}} outside {{range}}`, k.pos);
        expectRight(k.value);
        return { kind: k.value, pos: k.pos };
      case 'template':
      case 'block':
        return templateCall(k.value, k.pos, leftPos);
      case 'define':
        if (!topLevel) fail('unexpected <define> in command', k.pos);
        define(nextNonSpace(), k.pos);
        return null;
      default:
        return fail(`unexpected ${describe(k)}`, k.pos);
    }
  }

  function branch(kind: 'if' | 'with' | 'range', pos: number, inRange: boolean): Node {
    const saved = vars.length;
    const pipe = pipeline(kind, 'right', kind === 'range');
    const body = list(inRange || kind === 'range', false);
    let elseList: Node[] | null = null;
    if (body.end?.keyword === 'else') {
      const after = peekNonSpace();
      if ((kind === 'if' && after.value === 'if') || (kind === 'with' && after.value === 'with')) {
        // {{else if x}} is {{else}}{{if x}}…{{end}}{{end}}: the nested branch consumes the shared {{end}}.
        next();
        elseList = [branch(kind, after.pos, inRange)];
      } else {
        expectRight('else');
        const rest = list(inRange, false);
        if (rest.end?.keyword !== 'end') fail(`expected end; found {{else}}`, rest.end?.pos ?? pos);
        elseList = rest.nodes;
      }
    }
    vars = vars.slice(0, saved);
    return { kind, pos, pipe, list: body.nodes, elseList } as Node;
  }

  function templateCall(kw: string, pos: number, leftPos: number): Node {
    const t = nextNonSpace();
    if (t.type !== 'string' && t.type !== 'rawString') fail(`unexpected ${describe(t)} in ${kw} clause`, t.pos);
    const tmplName = unquote(t, fail);
    let pipe: Pipe | null = null;
    if (peekNonSpace().type !== 'right') pipe = pipeline(kw, 'right', false);
    else next();
    if (kw === 'block') {
      const saved = vars;
      vars = ['$'];
      const body = list(false, false);
      vars = saved;
      if (body.end?.keyword !== 'end') fail('unexpected {{else}} in block', pos);
      addTree(tmplName, body.nodes);
    }
    return { kind: 'template', pos, name: tmplName, pipe, text: source.slice(leftPos, tokens[i - 1].pos + 2) };
  }

  function define(nameTok: Token, pos: number): void {
    if (nameTok.type !== 'string' && nameTok.type !== 'rawString')
      fail(`unexpected ${describe(nameTok)} in define clause`, nameTok.pos);
    const defName = unquote(nameTok, fail);
    expectRight('define clause');
    const saved = vars;
    vars = ['$'];
    const body = list(false, false);
    vars = saved;
    if (body.end?.keyword !== 'end') fail('unexpected {{else}} in define', pos);
    addTree(defName, body.nodes);
  }

  function addTree(treeName: string, root: Node[]): void {
    const prev = trees.get(treeName);
    // Go: a later non-empty definition replaces an earlier one; an empty one never replaces.
    if (prev && isEmpty(root) && !isEmpty(prev.root)) return;
    trees.set(treeName, { name: treeName, root, source, parseName: name });
  }

  function pipeline(ctx: string, end: 'right' | 'rightParen', isRange: boolean): Pipe {
    const start = peekNonSpace();
    const pipe: Pipe = { pos: start.pos, decl: [], isAssign: false, cmds: [] };
    if (start.type === 'variable') {
      const save = i;
      next();
      const n = peekNonSpace();
      if (n.type === 'declare' || n.type === 'assign') {
        next();
        pipe.isAssign = n.type === 'assign';
        pipe.decl.push(start.value);
        if (!pipe.isAssign) vars.push(start.value);
        else if (!vars.includes(start.value)) fail(`undefined variable "${start.value}"`, start.pos);
      } else if (n.type === 'comma' && isRange) {
        next();
        const second = nextNonSpace();
        const op = nextNonSpace();
        if (second.type !== 'variable' || (op.type !== 'declare' && op.type !== 'assign'))
          fail(`too many declarations in ${ctx}`, n.pos);
        pipe.decl.push(start.value, second.value);
        pipe.isAssign = op.type === 'assign';
        if (!pipe.isAssign) vars.push(start.value, second.value);
      } else i = save;
    }
    for (;;) {
      const t = peekNonSpace();
      if (t.type === end) {
        next();
        if (pipe.cmds.length === 0) fail(`missing value for ${ctx}`, t.pos);
        pipe.cmds.forEach((c, n) => {
          if (n > 0 && ['literal', 'nil', 'dot', 'pipe'].includes(c.args[0].kind))
            fail(`non executable command in pipeline stage ${n + 1}`, c.pos);
        });
        return pipe;
      }
      if (t.type === 'right' || t.type === 'rightParen' || t.type === 'eof')
        fail(`unexpected ${describe(t)} in ${ctx}`, t.pos);
      pipe.cmds.push(command());
    }
  }

  function command(): Command {
    const first = peekNonSpace();
    const cmd: Command = { pos: first.pos, text: '', args: [] };
    for (;;) {
      peekNonSpace();
      cmd.args.push(operand());
      const t = peek();
      if (t.type === 'space') {
        next();
        const after = peek();
        if (after.type === 'pipe') {
          next();
          break;
        }
        if (after.type === 'right' || after.type === 'rightParen') break;
        continue;
      }
      if (t.type === 'right' || t.type === 'rightParen') break;
      if (t.type === 'pipe') {
        next();
        break;
      }
      fail(`unexpected ${describe(t)} in operand`, t.pos);
    }
    cmd.text = source.slice(cmd.pos, lastEnd()).trim().replace(/\|$/, '').trim();
    return cmd;
  }

  function lastEnd(): number {
    let k = i - 1;
    while (k > 0 && (tokens[k].type === 'space' || tokens[k].type === 'pipe')) k--;
    return tokens[k].pos + tokens[k].value.length;
  }

  function operand(): Arg {
    const node = term();
    if (peek().type !== 'field') return node;
    // Go positions a chained operand at its first chained field.
    const pos = peek().pos;
    const names: string[] = [];
    while (peek().type === 'field') names.push(next().value.slice(1));
    const text = source.slice(node.pos, lastEnd());
    if (node.kind === 'field') return { ...node, pos, text, names: [...node.names, ...names] };
    if (node.kind === 'variable') return { ...node, pos, text, names: [...node.names, ...names] };
    if (node.kind === 'literal' || node.kind === 'nil' || node.kind === 'dot')
      fail(`unexpected . after term`, node.pos);
    return { kind: 'chain', pos, text, node, names };
  }

  function term(): Arg {
    const t = next();
    switch (t.type) {
      case 'identifier':
        if (unsupported[t.value]) fail(unsupported[t.value], t.pos);
        if (!hasFunc(t.value)) fail(`function "${t.value}" not defined`, t.pos);
        return { kind: 'identifier', pos: t.pos, name: t.value };
      case 'dot':
        return { kind: 'dot', pos: t.pos };
      case 'nil':
        return { kind: 'nil', pos: t.pos };
      case 'variable':
        if (!vars.includes(t.value)) fail(`undefined variable "${t.value}"`, t.pos);
        return { kind: 'variable', pos: t.pos, text: t.value, name: t.value, names: [] };
      case 'field':
        return { kind: 'field', pos: t.pos, text: t.value, names: [t.value.slice(1)] };
      case 'bool':
        return { kind: 'literal', pos: t.pos, value: t.value === 'true' };
      case 'number':
      case 'char':
        return { kind: 'literal', pos: t.pos, value: number(t, fail) };
      case 'string':
      case 'rawString':
        return { kind: 'literal', pos: t.pos, value: unquote(t, fail) };
      case 'leftParen':
        return { kind: 'pipe', pos: t.pos, pipe: pipeline('parenthesized pipeline', 'rightParen', false) };
      default:
        return fail(`unexpected ${describe(t)} in operand`, t.pos);
    }
  }

  const main = list(false, true);
  addTree(name, main.nodes);
  return trees;
}

function isEmpty(nodes: Node[]): boolean {
  return nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

function describe(t: Token): string {
  if (t.type === 'eof') return 'EOF';
  if (t.type === 'right') return '"}}"';
  return `<${t.value}>`;
}
