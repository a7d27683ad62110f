export const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Subject = { kind: 'status' } | { kind: 'response_time' } | { kind: 'body'; path: (string | number)[] };

export interface Condition {
  text: string;
  subject: Subject;
  op: Operator;
  expected: string;
}

export interface ProbeResponse {
  status: number;
  latencyMs: number;
  /** The parsed JSON body, `undefined` when the body was not JSON. */
  json: unknown;
  bodyText: string;
}

export type ParseResult = { ok: true; condition: Condition } | { ok: false; error: string };

const SHAPE = /^\s*(\[STATUS\]|\[RESPONSE_TIME\]|\[BODY\]((?:\.[^.[\]\s]+|\[\d+\])*))\s*(==|!=|<=|>=|<|>)\s*(.*?)\s*$/;

function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of text.matchAll(/\.([^.[\]\s]+)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

/** Parses one condition in Gatus syntax: `[STATUS] == 200`, `[BODY].providers.healthy > 0`, `[RESPONSE_TIME] < 2000`. */
export function parseCondition(text: string): ParseResult {
  const m = SHAPE.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `"${text.slice(0, 100)}" is not a condition; write [STATUS] == 200, [BODY].a.b > 0 or [RESPONSE_TIME] < 2000 (operators == != < <= > >=)`,
    };
  }
  const [, placeholder, bodyPath, op, rawExpected] = m;
  if (rawExpected === '') return { ok: false, error: `"${text}" has nothing to compare against after ${op}` };
  const subject: Subject =
    placeholder === '[STATUS]'
      ? { kind: 'status' }
      : placeholder === '[RESPONSE_TIME]'
        ? { kind: 'response_time' }
        : { kind: 'body', path: parsePath(bodyPath ?? '') };
  const expected = rawExpected.replace(/^"(.*)"$/, '$1');
  if ((op === '<' || op === '>' || op === '<=' || op === '>=') && !Number.isFinite(Number(expected))) {
    return { ok: false, error: `"${text}": ${op} compares numbers, and "${expected}" is not a number` };
  }
  if (subject.kind !== 'body' && !Number.isFinite(Number(expected))) {
    return { ok: false, error: `"${text}": ${placeholder} is a number, and "${expected}" is not` };
  }
  return { ok: true, condition: { text: text.trim(), subject, op: op as Operator, expected } };
}

function lookup(value: unknown, path: (string | number)[]): { found: boolean; value: unknown } {
  let cur = value;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return { found: false, value: undefined };
    const next = (cur as Record<string | number, unknown>)[key];
    if (next === undefined) return { found: false, value: undefined };
    cur = next;
  }
  return { found: true, value: cur };
}

function compare(actual: unknown, op: Operator, expected: string): boolean {
  const a =
    typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : NaN;
  const e = Number(expected);
  const numeric = Number.isFinite(a) && Number.isFinite(e);
  switch (op) {
    case '==':
      return numeric ? a === e : String(actual) === expected;
    case '!=':
      return numeric ? a !== e : String(actual) !== expected;
    case '<':
      return numeric && a < e;
    case '<=':
      return numeric && a <= e;
    case '>':
      return numeric && a > e;
    case '>=':
      return numeric && a >= e;
  }
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));

/** Evaluates a condition; on failure returns the reason shown to users, e.g. `condition failed: … (got 0)`. */
export function evaluateCondition(c: Condition, res: ProbeResponse): string | null {
  let actual: unknown;
  if (c.subject.kind === 'status') actual = res.status;
  else if (c.subject.kind === 'response_time') actual = Math.round(res.latencyMs);
  else {
    if (res.json === undefined) return `condition failed: ${c.text} (body is not JSON)`;
    const found = lookup(res.json, c.subject.path);
    if (!found.found) {
      const where = c.subject.path.length ? c.subject.path.join('.') : 'body';
      return `condition failed: ${c.text} (no field ${where} in the body)`;
    }
    actual = found.value;
  }
  return compare(actual, c.op, c.expected) ? null : `condition failed: ${c.text} (got ${show(actual).slice(0, 80)})`;
}

/** The contract's default when a target lists no conditions: the status is 2xx. */
export function defaultConditionFailure(status: number): string | null {
  return status >= 200 && status < 300 ? null : `status ${status} is not 2xx`;
}
