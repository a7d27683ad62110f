import { BUILTINS, type Funcs } from './builtins';
import { type Escaper, Executor, type MissingKey } from './exec';
import type { Tree } from './nodes';
import { parse } from './parse';
import type { Value } from './values';

export type TemplateOptions = {
  funcs?: Funcs;
  /** Go's Option("missingkey=…"): Prometheus and Alertmanager both use "zero". */
  missingKey?: MissingKey;
  /** Function names refused at parse with this message instead of Go's "not defined". */
  unsupported?: Record<string, string>;
};

/** A set of associated templates, as Go's template.New(name).Funcs(…).Parse(…) builds one. */
export class Template {
  private readonly trees = new Map<string, Tree>();
  private readonly funcs: Funcs;

  constructor(
    readonly name: string,
    private readonly opts: TemplateOptions = {},
  ) {
    this.funcs = opts.funcs ?? {};
  }

  /** Parses text under this template's name (or `as`); its define/block templates join the set. */
  parse(text: string, as = this.name): this {
    const trees = parse(
      as,
      text,
      (n) => n in this.funcs || n in BUILTINS || n === 'and' || n === 'or',
      this.opts.unsupported,
    );
    for (const [n, t] of trees) {
      const prev = this.trees.get(n);
      if (prev && n !== as && t.root.every((x) => x.kind === 'text' && !x.text.trim())) continue;
      this.trees.set(n, t);
    }
    return this;
  }

  /** A copy sharing the parsed trees, so parsing more text into it leaves this one unchanged. */
  clone(): Template {
    const t = new Template(this.name, this.opts);
    for (const [n, tree] of this.trees) t.trees.set(n, tree);
    return t;
  }

  has(name: string): boolean {
    return this.trees.has(name);
  }

  /** Executes the named template (default: this one) with `data` as dot and `$`. */
  execute(data: Value, name = this.name, escaper?: Escaper): string {
    return new Executor(this.trees, this.funcs, this.opts.missingKey ?? 'default', escaper).run(name, data);
  }
}
