import type { Ranges } from './re2-charset';

export type Flags = { i: boolean; m: boolean; s: boolean; U: boolean };

/** A class member: explicit ranges or a Unicode property, either possibly negated. */
export type ClassItem = { kind: 'ranges'; ranges: Ranges; neg: boolean } | { kind: 'prop'; prop: string; neg: boolean };

export type Node =
  | { t: 'lit'; cp: number; fold: boolean }
  | { t: 'class'; items: ClassItem[]; neg: boolean; fold: boolean }
  | { t: 'dot'; nl: boolean }
  | { t: 'assert'; what: 'bot' | 'eot' | 'bol' | 'eol' | 'wb' | 'nwb' }
  | { t: 'group'; capture: boolean; alts: Node[][]; name?: string }
  | { t: 'repeat'; node: Node; min: number; max: number; greedy: boolean; brace: boolean };

/** Go's regexp/syntax error: `error parsing regexp: <code>: `<expr>``. */
export class Re2SyntaxError extends Error {
  constructor(
    readonly code: string,
    readonly expr: string,
  ) {
    super(`error parsing regexp: ${code}: \`${expr}\``);
    this.name = 'Re2SyntaxError';
  }
}

export const ERR = {
  charRange: 'invalid character class range',
  escape: 'invalid escape sequence',
  namedCapture: 'invalid named capture',
  perlOp: 'invalid or unsupported Perl syntax',
  repeatOp: 'invalid nested repetition operator',
  repeatSize: 'invalid repeat count',
  bracket: 'missing closing ]',
  paren: 'missing closing )',
  repeatArg: 'missing argument to repetition operator',
  trailing: 'trailing backslash at end of expression',
  unexpectedParen: 'unexpected )',
  depth: 'expression nests too deeply',
} as const;
