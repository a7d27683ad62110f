import { parseDuration } from '@/lib/config/duration';
import { globMatch } from './glob';
import { DNS_RCODES, type TargetType } from './target-types';

export const OPERATORS = ['==', '!=', '<=', '>=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export type Subject =
  | { kind: 'status' }
  | { kind: 'response_time' }
  | { kind: 'body'; path: (string | number)[] }
  | { kind: 'connected' }
  | { kind: 'dns_rcode' }
  | { kind: 'certificate_expiration' }
  | { kind: 'domain_expiration' };

export interface Condition {
  text: string;
  subject: Subject;
  op: Operator;
  /** As written, unquoted; `pat(…)` and `any(…)` are interpreted when evaluated. */
  expected: string;
}

export interface ProbeResponse {
  status?: number;
  latencyMs: number;
  /** The parsed JSON body, `undefined` when the body was not JSON. */
  json?: unknown;
  bodyText?: string;
  /** DNS answers: a `[BODY]` condition passes when it holds for one of them. */
  answers?: string[];
  connected?: boolean;
  rcode?: string;
  /** Milliseconds until the earliest certificate of the chain expires (negative once expired). */
  certExpiresInMs?: number;
  /** Milliseconds until the domain's registration expires, or why it is not known. */
  domainExpiresInMs?: number;
  domainError?: string;
}

export type ParseResult = { ok: true; condition: Condition } | { ok: false; error: string };

const PLACEHOLDERS: Record<string, Subject['kind']> = {
  '[STATUS]': 'status',
  '[RESPONSE_TIME]': 'response_time',
  '[BODY]': 'body',
  '[CONNECTED]': 'connected',
  '[DNS_RCODE]': 'dns_rcode',
  '[CERTIFICATE_EXPIRATION]': 'certificate_expiration',
  '[DOMAIN_EXPIRATION]': 'domain_expiration',
};

/** Which placeholders each type's checks can answer. */
const ALLOWED: Record<TargetType, Subject['kind'][]> = {
  http: ['status', 'response_time', 'body', 'connected', 'certificate_expiration'],
  tcp: ['connected', 'response_time', 'body', 'certificate_expiration'],
  tls: ['connected', 'response_time', 'certificate_expiration', 'domain_expiration'],
  dns: ['dns_rcode', 'body', 'response_time', 'connected'],
  icmp: ['connected', 'response_time'],
  heartbeat: [],
  llm: ['status', 'response_time', 'connected'],
};

const SHAPE =
  /^\s*(\[STATUS\]|\[RESPONSE_TIME\]|\[CONNECTED\]|\[DNS_RCODE\]|\[CERTIFICATE_EXPIRATION\]|\[DOMAIN_EXPIRATION\]|\[BODY\]((?:\.[^.[\]\s]+|\[\d+\])*))\s*(==|!=|<=|>=|<|>)\s*(.*?)\s*$/;
const PAT = /^pat\((.*)\)$/s;
const ANY = /^any\((.*)\)$/s;

function parsePath(text: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of text.matchAll(/\.([^.[\]\s]+)|\[(\d+)\]/g)) out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return out;
}

const unquote = (s: string) => s.trim().replace(/^"(.*)"$/s, '$1');
const anyItems = (inner: string) => inner.split(',').map(unquote);

/** A `[CERTIFICATE_EXPIRATION]` operand: a duration (`336h`, `14d`) or milliseconds. */
function certMs(v: string): number | null {
  const n = Number(v);
  return Number.isFinite(n) && v.trim() !== '' ? n : parseDuration(v);
}

/** Why `value` cannot be compared with the placeholder, or null when it can. */
function operandError(kind: Subject['kind'], placeholder: string, value: string): string | null {
  if (kind === 'connected' && value !== 'true' && value !== 'false') return `${placeholder} is true or false`;
  if (kind === 'dns_rcode' && !(DNS_RCODES as readonly string[]).includes(value))
    return `${placeholder} is one of ${DNS_RCODES.join(', ')}`;
  if ((kind === 'certificate_expiration' || kind === 'domain_expiration') && certMs(value) === null)
    return `${placeholder} is compared with a duration such as 336h`;
  if ((kind === 'status' || kind === 'response_time') && !Number.isFinite(Number(value)))
    return `${placeholder} is a number`;
  return null;
}

/**
 * Parses one condition in Gatus syntax: `[STATUS] == 200`, `[BODY].providers.healthy > 0`,
 * `[RESPONSE_TIME] < 2000`, `[BODY] == pat(*healthy*)`, `[STATUS] == any(200, 429)`; `type` limits the placeholders.
 */
export function parseCondition(text: string, type: TargetType = 'http'): ParseResult {
  const m = SHAPE.exec(text);
  if (!m) {
    return {
      ok: false,
      error: `"${text.slice(0, 100)}" is not a condition; write [STATUS] == 200, [BODY].a.b > 0 or [RESPONSE_TIME] < 2000 (operators == != < <= > >=)`,
    };
  }
  const [, rawPlaceholder, bodyPath, op, rawExpected] = m;
  const placeholder = rawPlaceholder.startsWith('[BODY]') ? '[BODY]' : rawPlaceholder;
  const kind = PLACEHOLDERS[placeholder];
  if (rawExpected === '') return { ok: false, error: `"${text}" has nothing to compare against after ${op}` };
  if (!ALLOWED[type].includes(kind)) {
    const allowed = ALLOWED[type].map((k) => Object.keys(PLACEHOLDERS).find((p) => PLACEHOLDERS[p] === k));
    const hint = allowed.length ? `use ${allowed.join(', ')}` : 'they take no conditions';
    return { ok: false, error: `"${text}": ${placeholder} does not apply to ${type} targets; ${hint}` };
  }
  const subject: Subject = kind === 'body' ? { kind, path: parsePath(bodyPath ?? '') } : { kind };
  const expected = unquote(rawExpected);
  const numericOp = op === '<' || op === '>' || op === '<=' || op === '>=';
  const pat = PAT.exec(expected);
  const any = ANY.exec(expected);
  if ((pat || any) && numericOp) return { ok: false, error: `"${text}": pat() and any() go with == or !=` };
  if (pat && kind !== 'body') return { ok: false, error: `"${text}": pat() applies to [BODY]` };
  const operands = any ? anyItems(any[1]) : pat ? [] : [expected];
  if (any && operands.some((o) => o === ''))
    return { ok: false, error: `"${text}": any() lists values separated by commas` };
  for (const value of operands) {
    const timed = kind === 'certificate_expiration' || kind === 'domain_expiration';
    if (numericOp && !timed && !Number.isFinite(Number(value))) {
      return { ok: false, error: `"${text}": ${op} compares numbers, and "${value}" is not a number` };
    }
    const err = operandError(kind, placeholder, value);
    if (err) return { ok: false, error: `"${text}": ${err}, and "${value}" is not` };
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

function compareOne(actual: unknown, op: Operator, expected: string): boolean {
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

/** `pat(…)` and `any(…)` as Gatus reads them; `!=` is the negation of `==`. */
function compare(actual: unknown, op: Operator, expected: string): boolean {
  const pat = PAT.exec(expected);
  const any = ANY.exec(expected);
  if (!pat && !any) return compareOne(actual, op, expected);
  const equal = pat
    ? globMatch(pat[1], String(actual))
    : anyItems(any![1]).some((item) => compareOne(actual, '==', item));
  return op === '==' ? equal : !equal;
}

const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v)));
const failed = (c: Condition, why: string) => `condition failed: ${c.text} (${why})`;

/** The whole body as `[BODY]` compares it: a JSON scalar as itself, anything else as its text. */
function wholeBody(res: ProbeResponse): unknown {
  if (res.json !== undefined && (res.json === null || typeof res.json !== 'object')) return res.json;
  return res.bodyText ?? '';
}

/** Evaluates a condition; on failure returns the reason shown to users, e.g. `condition failed: … (got 0)`. */
export function evaluateCondition(c: Condition, res: ProbeResponse): string | null {
  let actual: unknown;
  const s = c.subject;
  if (s.kind === 'status') actual = res.status ?? null;
  else if (s.kind === 'response_time') actual = Math.round(res.latencyMs);
  else if (s.kind === 'connected') actual = res.connected === true;
  else if (s.kind === 'dns_rcode') actual = res.rcode ?? null;
  else if (s.kind === 'certificate_expiration' || s.kind === 'domain_expiration') {
    const left = s.kind === 'certificate_expiration' ? res.certExpiresInMs : res.domainExpiresInMs;
    if (left === undefined)
      return failed(
        c,
        s.kind === 'certificate_expiration' ? 'no certificate' : (res.domainError ?? 'no domain expiry'),
      );
    const want = (e: string) => String(certMs(e));
    const any = ANY.exec(c.expected);
    const expected = any ? `any(${anyItems(any[1]).map(want).join(',')})` : want(c.expected);
    if (compare(left, c.op, expected)) return null;
    return failed(c, `expires in ${formatRemaining(left)}`);
  } else if (s.path.length === 0 && res.answers) {
    if (res.answers.some((a) => compare(a, c.op, c.expected))) return null;
    return failed(c, `got ${show(res.answers.join(', ')).slice(0, 80)}`);
  } else if (s.path.length === 0) actual = wholeBody(res);
  else {
    if (res.json === undefined) return failed(c, 'body is not JSON');
    const found = lookup(res.json, s.path);
    if (!found.found) return failed(c, `no field ${s.path.join('.')} in the body`);
    actual = found.value;
  }
  return compare(actual, c.op, c.expected) ? null : failed(c, `got ${show(actual).slice(0, 80)}`);
}

function formatRemaining(ms: number): string {
  const h = Math.round(Math.abs(ms) / 3_600_000);
  const text = h >= 48 ? `${Math.round(h / 24)}d` : `${h}h`;
  return ms < 0 ? `-${text} (expired)` : text;
}

/** The contract's default when a target lists no conditions: the status is 2xx. */
export function defaultConditionFailure(status: number): string | null {
  return status >= 200 && status < 300 ? null : `status ${status} is not 2xx`;
}

/** Runs the conditions in order; the first failure is the check's reason. */
export function firstFailure(conditions: readonly Condition[], res: ProbeResponse): string | null {
  for (const c of conditions) {
    const failure = evaluateCondition(c, res);
    if (failure) return failure;
  }
  return null;
}
