import { BUILTINS, type Func, type Funcs } from './builtins';
import type { Arg, At, Command, Node, Pipe, Tree } from './nodes';
import { GoMap, isTrue, methodsOf, printValue, typeName, type Value } from './values';

export type MissingKey = 'default' | 'zero' | 'error';
const MISSING = Symbol('missing');
type Final = Value | typeof MISSING;
const MAX_DEPTH = 1000;

class Break {}
class Continue {}

/** An execution error with Go's "template: NAME:LINE:COL: executing "NAME" at <…>: msg" text. */
export class ExecError extends Error {}

type Scope = { tree: Tree; vars: { name: string; value: Value }[]; depth: number };

/**
 * html/template's contextual escaping, as a hook: gets each printed value, the output so far (its
 * context) and the pipeline's last function name (html/template keeps a trailing `urlquery` or `html`).
 */
export type Escaper = (value: string, before: string, lastFunc: string | null) => string;

/** Walks parsed trees the way Go's text/template executes them. */
export class Executor {
  private out: string[] = [];
  constructor(
    private readonly trees: Map<string, Tree>,
    private readonly funcs: Funcs,
    private readonly missingKey: MissingKey,
    private readonly escaper?: Escaper,
  ) {}

  run(name: string, data: Value): string {
    const tree = this.trees.get(name);
    if (!tree) throw new ExecError(`template: no template "${name}" associated with template "${name}"`);
    this.out = [];
    this.walkList({ tree, vars: [{ name: '$', value: data }], depth: 0 }, data, tree.root);
    return this.out.join('');
  }

  /** The last few KB of output: enough to tell the escaper's context without re-joining it all. */
  private tail(): string {
    let text = '';
    for (let i = this.out.length - 1; i >= 0 && text.length < 4096; i--) text = this.out[i] + text;
    return text;
  }

  private fail(s: Scope, pos: number, context: string, msg: string): never {
    const text = s.tree.source.slice(0, pos);
    const nl = text.lastIndexOf('\n');
    const col = Buffer.byteLength(nl < 0 ? text : text.slice(nl + 1));
    const line = text.split('\n').length;
    throw new ExecError(
      `template: ${s.tree.parseName}:${line}:${col}: executing "${s.tree.name}" at <${context}>: ${msg}`,
    );
  }

  private walkList(s: Scope, dot: Value, nodes: Node[]): void {
    for (const n of nodes) this.walk(s, dot, n);
  }

  private walk(s: Scope, dot: Value, n: Node): void {
    switch (n.kind) {
      case 'text':
        this.out.push(n.text);
        return;
      case 'action': {
        const v = this.pipeline(s, dot, n.pipe);
        if (n.pipe.decl.length === 0) {
          const text = printValue(v);
          if (!this.escaper) this.out.push(text);
          else {
            const last = n.pipe.cmds[n.pipe.cmds.length - 1]?.args[0];
            this.out.push(this.escaper(text, this.tail(), last?.kind === 'identifier' ? last.name : null));
          }
        }
        return;
      }
      case 'if':
      case 'with': {
        const mark = s.vars.length;
        const v = this.pipeline(s, dot, n.pipe);
        if (isTrue(v)) this.walkList(s, n.kind === 'with' ? v : dot, n.list);
        else if (n.elseList) this.walkList(s, dot, n.elseList);
        s.vars.length = mark;
        return;
      }
      case 'range':
        this.walkRange(s, dot, n);
        return;
      case 'template':
        this.walkTemplate(s, dot, n);
        return;
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
    }
  }

  private walkRange(s: Scope, dot: Value, n: Extract<Node, { kind: 'range' }>): void {
    const mark = s.vars.length;
    const v = this.pipeline(s, dot, n.pipe);
    const items: [Value, Value][] = [];
    if (Array.isArray(v)) v.forEach((x, i) => items.push([BigInt(i), x]));
    else if (v instanceof GoMap) for (const k of v.sortedKeys()) items.push([k, v.entries.get(k)]);
    else if (typeof v === 'bigint') for (let i = 0n; i < v; i++) items.push([i, i]);
    else if (v !== undefined && v !== null)
      this.fail(s, n.pos, `range ${n.pipe.cmds[0]?.text ?? ''}`, `range can't iterate over ${printValue(v, false)}`);
    const inner = s.vars.length;
    for (const [key, elem] of items) {
      const decl = n.pipe.decl;
      if (decl.length > 0) {
        if (n.pipe.isAssign) {
          if (decl.length > 1) {
            this.setVar(s, decl[0], key);
            this.setVar(s, decl[1], elem);
          } else this.setVar(s, decl[0], elem);
        } else {
          s.vars[inner - 1].value = elem;
          if (decl.length > 1) s.vars[inner - 2].value = key;
        }
      }
      try {
        this.walkList(s, elem, n.list);
      } catch (e) {
        if (e instanceof Break) break;
        if (!(e instanceof Continue)) throw e;
      }
      s.vars.length = inner;
    }
    if (items.length === 0 && n.elseList) this.walkList(s, dot, n.elseList);
    s.vars.length = mark;
  }

  private walkTemplate(s: Scope, dot: Value, n: Extract<Node, { kind: 'template' }>): void {
    const tree = this.trees.get(n.name);
    if (!tree) this.fail(s, n.pos, n.text, `template "${n.name}" not defined`);
    if (s.depth >= MAX_DEPTH) this.fail(s, n.pos, n.text, `exceeded maximum template depth (${MAX_DEPTH})`);
    const v = n.pipe ? this.pipeline(s, dot, n.pipe) : undefined;
    this.walkList({ tree, vars: [{ name: '$', value: v }], depth: s.depth + 1 }, v, tree.root);
  }

  private setVar(s: Scope, name: string, value: Value): void {
    for (let i = s.vars.length - 1; i >= 0; i--) {
      if (s.vars[i].name === name) {
        s.vars[i].value = value;
        return;
      }
    }
  }

  private varValue(s: Scope, name: string, pos: number): Value {
    for (let i = s.vars.length - 1; i >= 0; i--) if (s.vars[i].name === name) return s.vars[i].value;
    return this.fail(s, pos, name, `undefined variable: ${name}`);
  }

  private pipeline(s: Scope, dot: Value, pipe: Pipe): Value {
    let v: Final = MISSING;
    for (const cmd of pipe.cmds) v = this.command(s, dot, cmd, v);
    const value = v === MISSING ? undefined : v;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(s, name, value);
      else s.vars.push({ name, value });
    }
    return value;
  }

  private command(s: Scope, dot: Value, cmd: Command, final: Final): Value {
    const first = cmd.args[0];
    switch (first.kind) {
      case 'field':
        return this.fieldChain(s, dot, dot, first, first.names, cmd.args, final);
      case 'chain':
        return this.fieldChain(s, dot, this.arg(s, dot, first.node, cmd), first, first.names, cmd.args, final);
      case 'variable': {
        const v = this.varValue(s, first.name, first.pos);
        if (first.names.length === 0) {
          this.notAFunction(s, cmd, final);
          return v;
        }
        return this.fieldChain(s, dot, v, first, first.names, cmd.args, final);
      }
      case 'identifier':
        return this.call(s, dot, cmd, first.name, this.lookup(s, first.name, cmd), cmd.args, final);
      case 'pipe':
        this.notAFunction(s, cmd, final);
        return this.pipeline(s, dot, first.pipe);
      case 'dot':
        this.notAFunction(s, cmd, final);
        return dot;
      case 'nil':
        return this.fail(s, cmd.pos, cmd.text, 'nil is not a command');
      case 'literal':
        this.notAFunction(s, cmd, final);
        return first.value;
    }
  }

  private notAFunction(s: Scope, cmd: Command, final: Final): void {
    if (cmd.args.length > 1 || final !== MISSING)
      this.fail(s, cmd.pos, cmd.text, `can't give argument to non-function ${cmd.text.split(/\s/)[0]}`);
  }

  private lookup(s: Scope, name: string, cmd: At): Func | null {
    if (name === 'and' || name === 'or') return null;
    const f = this.funcs[name] ?? BUILTINS[name];
    if (!f) this.fail(s, cmd.pos, cmd.text, `"${name}" is not a defined function`);
    return f;
  }

  private fieldChain(s: Scope, dot: Value, receiver: Value, at: At, names: string[], args: Arg[], final: Final): Value {
    let r = receiver;
    for (let i = 0; i < names.length - 1; i++) r = this.field(s, dot, names[i], at, [], MISSING, r);
    return this.field(s, dot, names[names.length - 1], at, args, final, r);
  }

  private field(s: Scope, dot: Value, name: string, at: At, args: Arg[], final: Final, receiver: Value): Value {
    const cmd = at;
    if (receiver === undefined) {
      if (this.missingKey === 'error') this.fail(s, cmd.pos, cmd.text, `nil data; no entry for key "${name}"`);
      return undefined;
    }
    const method = methodsOf(receiver)?.[name];
    if (method) return this.call(s, dot, cmd, name, method, args, final);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (receiver instanceof GoMap) {
      if (hasArgs) this.fail(s, cmd.pos, cmd.text, `${name} is not a method but has arguments`);
      if (receiver.entries.has(name)) return receiver.entries.get(name);
      if (this.missingKey === 'error') this.fail(s, cmd.pos, cmd.text, `map has no entry for key "${name}"`);
      return this.missingKey === 'zero' ? receiver.zero : undefined;
    }
    if (receiver === null)
      return this.fail(s, cmd.pos, cmd.text, `nil pointer evaluating ${typeName(receiver)}.${name}`);
    if (typeof receiver === 'object' && !Array.isArray(receiver) && Object.hasOwn(receiver, name)) {
      if (hasArgs) this.fail(s, cmd.pos, cmd.text, `${name} has arguments but cannot be invoked as function`);
      return (receiver as Record<string, Value>)[name];
    }
    return this.fail(s, cmd.pos, cmd.text, `can't evaluate field ${name} in type ${typeName(receiver)}`);
  }

  private call(s: Scope, dot: Value, cmd: At, name: string, fn: Func | null, args: Arg[], final: Final): Value {
    const rest = args.slice(1);
    if (fn === null) {
      // and/or evaluate their arguments lazily and return the deciding one, as Go 1.18+ does.
      const n = rest.length + (final === MISSING ? 0 : 1);
      if (n === 0) this.fail(s, cmd.pos, cmd.text, `wrong number of args for ${name}: want at least 1 got 0`);
      let v: Value;
      for (let i = 0; i < n; i++) {
        v = i < rest.length ? this.arg(s, dot, rest[i], cmd) : (final as Value);
        if (isTrue(v) === (name === 'or')) return v;
      }
      return v;
    }
    const argv = rest.map((a) => this.arg(s, dot, a, cmd));
    if (final !== MISSING) argv.push(final);
    try {
      return fn(...argv);
    } catch (e) {
      if (e instanceof ExecError) throw e;
      return this.fail(s, cmd.pos, cmd.text, `error calling ${name}: ${(e as Error).message}`);
    }
  }

  private arg(s: Scope, dot: Value, a: Arg, cmd: At): Value {
    switch (a.kind) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'literal':
        return a.value;
      case 'field':
        return this.fieldChain(s, dot, dot, a, a.names, [a], MISSING);
      case 'variable': {
        const v = this.varValue(s, a.name, a.pos);
        return a.names.length === 0 ? v : this.fieldChain(s, dot, v, a, a.names, [a], MISSING);
      }
      case 'chain':
        return this.fieldChain(s, dot, this.arg(s, dot, a.node, cmd), a, a.names, [a], MISSING);
      case 'pipe':
        return this.pipeline(s, dot, a.pipe);
      case 'identifier': {
        const at = { pos: a.pos, text: a.name };
        return this.call(s, dot, at, a.name, this.lookup(s, a.name, at), [a], MISSING);
      }
    }
  }
}
