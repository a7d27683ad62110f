import { hintFor } from './foreign-keys';
import { lineOfPath } from './yaml-locate';

export interface ConfigProblem {
  /** Dotted key path, e.g. `targets.0.url`; empty for the file as a whole. */
  key: string;
  line: number | null;
  reason: string;
  hint: string | null;
}

/** A provisioning file Lookout cannot use: for each problem its line, key, what is wrong, and a hint where one helps. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      [...problems]
        .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
        .map((p) => formatProblem(file, p))
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

function formatProblem(file: string, p: ConfigProblem): string {
  const where = p.line === null ? file : `${file}:${p.line}`;
  return `${where}: ${p.key ? `${p.key}: ` : ''}${p.reason}${p.hint ? ` (hint: ${p.hint})` : ''}`;
}

/** The problem at `path` of the file's text, its line looked up in the text. */
export function problemAt(text: string, path: readonly PropertyKey[], reason: string): ConfigProblem {
  const segs = path.filter((p): p is string | number => typeof p !== 'symbol');
  return { key: segs.join('.'), line: lineOfPath(text, segs), reason, hint: hintFor(segs) };
}

interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** Zod's issues as problems: one per unknown key (at the key's own line), "required" for a missing value. */
export function schemaProblems(
  text: string,
  prefix: (string | number)[],
  issues: readonly SchemaIssue[],
): ConfigProblem[] {
  // In file order: checks across fields (a target type's needs) come after the fields' own.
  const byLine = (a: ConfigProblem, b: ConfigProblem) => (a.line ?? 0) - (b.line ?? 0);
  return issues
    .flatMap((i) => {
      const at = [...prefix, ...i.path];
      if (i.code === 'unrecognized_keys' && i.keys?.length)
        return i.keys.map((k) => problemAt(text, [...at, k], 'unknown key'));
      const missing = /^Invalid input: expected (\w+), received undefined$/.exec(i.message);
      return [problemAt(text, at, missing ? `required (${missing[1]})` : i.message)];
    })
    .sort(byLine);
}
