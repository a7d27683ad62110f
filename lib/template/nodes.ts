import type { Value } from './values';

/** Operands of a command, as Go's parse package names them. */
export type Arg =
  | { kind: 'field'; pos: number; text: string; names: string[] }
  | { kind: 'variable'; pos: number; text: string; name: string; names: string[] }
  | { kind: 'chain'; pos: number; text: string; node: Arg; names: string[] }
  | { kind: 'identifier'; pos: number; name: string }
  | { kind: 'dot'; pos: number }
  | { kind: 'nil'; pos: number }
  | { kind: 'literal'; pos: number; value: Value }
  | { kind: 'pipe'; pos: number; pipe: Pipe };

/** Where an error is reported: Go's node position and its text. */
export type At = { pos: number; text: string };
export type Command = At & { args: Arg[] };
export type Pipe = { pos: number; decl: string[]; isAssign: boolean; cmds: Command[] };

export type Node =
  | { kind: 'text'; pos: number; text: string }
  | { kind: 'action'; pos: number; pipe: Pipe }
  | { kind: 'if' | 'with'; pos: number; pipe: Pipe; list: Node[]; elseList: Node[] | null }
  | { kind: 'range'; pos: number; pipe: Pipe; list: Node[]; elseList: Node[] | null }
  | { kind: 'template'; pos: number; name: string; pipe: Pipe | null; text: string }
  | { kind: 'break' | 'continue'; pos: number };

/** One parsed template: its name, nodes, and the source its positions point into. */
export type Tree = { name: string; root: Node[]; source: string; parseName: string };
