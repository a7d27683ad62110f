import type { Labels } from '@/lib/rules/labels';
import { parseDurationMs } from '@/lib/rules/promql/parse-literals';
import {
  NativeHistogramNotation,
  parseGoNumber,
  parseLabels,
  parseSeriesDesc,
  type SeqValue,
  unquoteGo,
} from './series-notation';

/** One `eval` command of a promqltest file. */
export type EvalCase = {
  line: number;
  expr: string;
  range: { startMs: number; endMs: number; stepMs: number } | null;
  atMs: number;
  fail: { message?: string; regex?: RegExp } | null;
  ordered: boolean;
  expectScalar: number | null;
  expectString: string | null;
  expectMatrix: { startMs: number; endMs: number; stepMs: number } | null;
  expected: { labels: Labels; values: SeqValue[] }[];
  skip: string | null;
  /** promtool reports a scalar as one sample without labels. */
  scalarAsVector?: boolean;
};

export type Command =
  | { kind: 'clear' }
  | {
      kind: 'load';
      stepMs: number;
      series: { labels: Labels; values: SeqValue[] }[];
      raw: { series: string; values: string }[];
      nhcb: boolean;
      histogramNames: string[];
    }
  | { kind: 'eval'; c: EvalCase };

const dur = (s: string) => (s.trim() === '0' ? 0 : parseDurationMs(s.trim()));

export function parseTestFile(text: string): Command[] {
  const lines = text.split('\n').map((l) => (l.trim().startsWith('#') ? '' : l.trim()));
  const cmds: Command[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === '') continue;
    const word = l.split(/\s+/)[0].toLowerCase();
    if (word === 'clear') cmds.push({ kind: 'clear' });
    else if (word.startsWith('load')) {
      const m = /^load(_with_nhcb)?\s+(\S+)$/.exec(l);
      if (!m) throw new Error(`line ${i + 1}: bad load command`);
      const cmd: Command = {
        kind: 'load',
        stepMs: dur(m[2]),
        series: [],
        raw: [],
        nhcb: m[1] !== undefined,
        histogramNames: [],
      };
      for (; i + 1 < lines.length && lines[i + 1] !== ''; i++) {
        const def = lines[i + 1];
        if (/^\S+@st\s/.test(def)) continue; // start timestamps: not modelled
        const rest = parseLabels(def).rest;
        cmd.raw.push({ series: def.slice(0, def.length - rest.length).trim(), values: rest.trim() });
        try {
          cmd.series.push(parseSeriesDesc(def));
        } catch (e) {
          if (!(e instanceof NativeHistogramNotation)) throw e;
          cmd.histogramNames.push(/^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(def)?.[0] ?? def);
        }
      }
      cmds.push(cmd);
    } else if (word.startsWith('eval')) {
      const [c, next] = parseEval(lines, i);
      cmds.push({ kind: 'eval', c });
      i = next;
    } else throw new Error(`line ${i + 1}: invalid command ${l}`);
  }
  return cmds;
}

function parseEval(lines: string[], i: number): [EvalCase, number] {
  const l = lines[i];
  const inst = /^eval(?:_(fail|warn|ordered|info))?\s+instant\s+(?:at\s+(.+?))?\s+(.+)$/.exec(l);
  const rng = /^eval(?:_(fail|warn|info))?\s+range\s+from\s+(.+)\s+to\s+(.+)\s+step\s+(.+?)\s+(.+)$/.exec(l);
  if (!inst && !rng) throw new Error(`line ${i + 1}: bad eval command`);
  const mod = inst ? inst[1] : rng![1];
  const c: EvalCase = {
    line: i + 1,
    expr: inst ? inst[3] : rng![5],
    range: rng ? { startMs: dur(rng[2]), endMs: dur(rng[3]), stepMs: dur(rng[4]) } : null,
    atMs: inst ? dur(inst[2] ?? '0') : 0,
    fail: mod === 'fail' ? {} : null,
    ordered: mod === 'ordered',
    expectScalar: null,
    expectString: null,
    expectMatrix: null,
    expected: [],
    skip: null,
  };
  for (; i + 1 < lines.length && lines[i + 1] !== ''; i++) {
    const def = lines[i + 1];
    if (c.fail && def.startsWith('expected_fail_message')) c.fail.message = def.slice(21).trim();
    else if (c.fail && def.startsWith('expected_fail_regexp')) c.fail.regex = new RegExp(def.slice(20).trim());
    else if (def.startsWith('expect range vector')) {
      const m = /from\s+(.+)\s+to\s+(.+)\s+step\s+(.+)$/.exec(def)!;
      c.expectMatrix = { startMs: dur(m[1]), endMs: dur(m[2]), stepMs: dur(m[3]) };
    } else if (def.startsWith('expect string')) c.expectString = unquoteGo(def.slice(13).trim());
    else if (def.split(' ')[0] === 'expect') {
      const m = /^expect\s+(ordered|fail|warn|no_warn|info|no_info)(?:\s+(regex|msg):(.+))?$/.exec(def);
      if (!m) throw new Error(`line ${i + 2}: bad expect line`);
      if (m[1] === 'ordered') c.ordered = true;
      if (m[1] === 'fail')
        c.fail = m[2] === 'msg' ? { message: m[3].trim() } : m[2] === 'regex' ? { regex: new RegExp(m[3].trim()) } : {};
      // warn/info annotations: Lookout's evaluator has none, so they are not checked.
    } else if (parseGoNumber(def) !== null) c.expectScalar = parseGoNumber(def);
    else {
      try {
        c.expected.push(parseSeriesDesc(def));
      } catch (e) {
        if (!(e instanceof NativeHistogramNotation)) throw e;
        c.skip = 'native histogram result';
      }
    }
  }
  return [c, i];
}
