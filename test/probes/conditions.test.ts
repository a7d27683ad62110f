import { describe, expect, it } from 'vitest';
import {
  type Condition,
  defaultConditionFailure,
  evaluateCondition,
  type ProbeResponse,
  parseCondition,
} from '@/lib/probes/conditions';

function cond(text: string): Condition {
  const r = parseCondition(text);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.error}`);
  return r.condition;
}

const body = {
  status: 'healthy',
  providers: { healthy: 2, total: 3, names: ['groq', 'openai'] },
  items: [{ x: 5 }, { x: 0 }],
  ok: true,
  nothing: null,
  version: '1.2.0',
};
const json = (v: unknown): ProbeResponse => ({ status: 200, latencyMs: 123.4, json: v, bodyText: JSON.stringify(v) });
const res = json(body);

describe('parseCondition', () => {
  it.each([
    ['[STATUS] == 200', { kind: 'status' }, '==', '200'],
    ['  [STATUS]!=500  ', { kind: 'status' }, '!=', '500'],
    ['[RESPONSE_TIME] < 2000', { kind: 'response_time' }, '<', '2000'],
    ['[BODY].providers.healthy > 0', { kind: 'body', path: ['providers', 'healthy'] }, '>', '0'],
    ['[BODY].items[1].x >= 0', { kind: 'body', path: ['items', 1, 'x'] }, '>=', '0'],
    ['[BODY].status == "healthy"', { kind: 'body', path: ['status'] }, '==', 'healthy'],
    ['[BODY].status == healthy', { kind: 'body', path: ['status'] }, '==', 'healthy'],
    ['[BODY] == 3', { kind: 'body', path: [] }, '==', '3'],
    ['[BODY].a <= -1.5', { kind: 'body', path: ['a'] }, '<=', '-1.5'],
  ])('parses %s', (text, subject, op, expected) => {
    expect(cond(text)).toEqual({ text: text.trim(), subject, op, expected });
  });

  it.each([
    ['STATUS == 200', 'is not a condition'],
    ['[STATUS] = 200', 'is not a condition'],
    ['[HEADER].x == 1', 'is not a condition'],
    ['[STATUS] ==', 'nothing to compare against after =='],
    ['[STATUS] == ok', '[STATUS] is a number, and "ok" is not'],
    ['[RESPONSE_TIME] != fast', '[RESPONSE_TIME] is a number'],
    ['[BODY].status > healthy', '> compares numbers, and "healthy" is not a number'],
    ['', 'is not a condition'],
  ])('rejects %j with a helpful message', (text, message) => {
    const r = parseCondition(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });

  it('caps the quoted text of a long invalid condition', () => {
    const r = parseCondition('x'.repeat(1000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeLessThan(300);
  });
});

describe('evaluateCondition', () => {
  it.each([
    ['[STATUS] == 200', null],
    ['[STATUS] != 200', 'condition failed: [STATUS] != 200 (got 200)'],
    ['[STATUS] < 300', null],
    ['[STATUS] <= 199', 'condition failed: [STATUS] <= 199 (got 200)'],
    ['[STATUS] >= 200', null],
    ['[STATUS] > 200', 'condition failed: [STATUS] > 200 (got 200)'],
    ['[RESPONSE_TIME] < 2000', null],
    ['[RESPONSE_TIME] < 100', 'condition failed: [RESPONSE_TIME] < 100 (got 123)'],
    ['[BODY].providers.healthy > 0', null],
    ['[BODY].providers.healthy > 2', 'condition failed: [BODY].providers.healthy > 2 (got 2)'],
    ['[BODY].providers.healthy == 2', null],
    ['[BODY].providers.healthy == 2.0', null],
    ['[BODY].items[0].x == 5', null],
    ['[BODY].items[1].x > 0', 'condition failed: [BODY].items[1].x > 0 (got 0)'],
    ['[BODY].providers.names[1] == openai', null],
    ['[BODY].status == "healthy"', null],
    ['[BODY].status == healthy', null],
    ['[BODY].status != healthy', 'condition failed: [BODY].status != healthy (got "healthy")'],
    ['[BODY].status == degraded', 'condition failed: [BODY].status == degraded (got "healthy")'],
    ['[BODY].version == 1.2.0', null],
    ['[BODY].ok == true', null],
    ['[BODY].nothing == null', null],
    ['[BODY].status > 1', 'condition failed: [BODY].status > 1 (got "healthy")'],
    ['[BODY].missing == 1', 'condition failed: [BODY].missing == 1 (no field missing in the body)'],
    ['[BODY].items[7].x == 1', 'condition failed: [BODY].items[7].x == 1 (no field items.7.x in the body)'],
    ['[BODY].status.deeper == 1', 'condition failed: [BODY].status.deeper == 1 (no field status.deeper in the body)'],
  ])('%s', (text, expected) => {
    expect(evaluateCondition(cond(text), res)).toBe(expected);
  });

  it('compares numeric strings numerically', () => {
    expect(evaluateCondition(cond('[BODY].n > 9'), json({ n: '10' }))).toBeNull();
  });

  it('fails a [BODY] condition when the body is not JSON', () => {
    const html: ProbeResponse = { status: 200, latencyMs: 5, json: undefined, bodyText: '<html>ok</html>' };
    expect(evaluateCondition(cond('[BODY].status == ok'), html)).toBe(
      'condition failed: [BODY].status == ok (body is not JSON)',
    );
    expect(evaluateCondition(cond('[STATUS] == 200'), html)).toBeNull();
  });

  it('evaluates the whole body with [BODY]', () => {
    expect(evaluateCondition(cond('[BODY] == 3'), json(3))).toBeNull();
    expect(evaluateCondition(cond('[BODY] > 3'), json(3))).toBe('condition failed: [BODY] > 3 (got 3)');
  });

  it('caps a long actual value in the reason', () => {
    const reason = evaluateCondition(cond('[BODY].s == x'), json({ s: 'y'.repeat(500) }));
    expect(reason!.length).toBeLessThan(150);
  });
});

describe('defaultConditionFailure', () => {
  it.each([
    [200, null],
    [204, null],
    [299, null],
    [199, 'status 199 is not 2xx'],
    [301, 'status 301 is not 2xx'],
    [503, 'status 503 is not 2xx'],
  ])('%i → %s', (status, expected) => {
    expect(defaultConditionFailure(status)).toBe(expected);
  });
});

describe('pat() and any() (Gatus semantics)', () => {
  const text: ProbeResponse = { status: 200, latencyMs: 5, json: undefined, bodyText: 'service is healthy\n' };
  it.each([
    ['[BODY] == pat(*healthy*)', null],
    ['[BODY] == pat(service*)', null],
    ['[BODY] == pat(healthy*)', 'condition failed: [BODY] == pat(healthy*) (got "service is healthy\\n")'],
    ['[BODY] != pat(*down*)', null],
    ['[BODY] != pat(*healthy*)', 'condition failed: [BODY] != pat(*healthy*) (got "service is healthy\\n")'],
    ['[STATUS] == any(200, 204)', null],
    ['[STATUS] == any(201, 204)', 'condition failed: [STATUS] == any(201, 204) (got 200)'],
    ['[STATUS] != any(500, 503)', null],
  ])('%s', (t, expected) => {
    expect(evaluateCondition(cond(t), text)).toBe(expected);
  });

  it('matches a JSON field by pattern and the whole body of a JSON object as text', () => {
    expect(evaluateCondition(cond('[BODY].status == pat(heal*)'), res)).toBeNull();
    expect(evaluateCondition(cond('[BODY] == pat(*"ok":true*)'), res)).toBeNull();
  });

  it('stays linear on a hostile body and pattern', () => {
    const hostile: ProbeResponse = { status: 200, latencyMs: 1, bodyText: 'a'.repeat(65_536) };
    const t0 = performance.now();
    expect(evaluateCondition(cond('[BODY] == pat(*a*a*a*a*a*a*a*a*b)'), hostile)).not.toBeNull();
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it.each([
    ['[STATUS] > any(1, 2)', 'pat() and any() go with == or !='],
    ['[STATUS] == pat(2*)', 'pat() applies to [BODY]'],
    ['[STATUS] == any(200, ok)', '[STATUS] is a number, and "ok" is not'],
    ['[STATUS] == any(200,)', 'any() lists values separated by commas'],
  ])('rejects %s', (t, message) => {
    const r = parseCondition(t);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});
