import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as session from '@/app/api/v1/session/route';
import * as summary from '@/app/api/v1/stats/summary/route';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { defineEndpoint } from '@/lib/api/openapi/types';
import { toErrorResponse } from '@/lib/api/response';
import { route } from '@/lib/api/route';
import { clearLookout } from '@/lib/engine/instance';
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  TooLargeError,
  UnauthenticatedError,
  UnavailableError,
} from '@/lib/errors';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

type Envelope = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };
const start = lookoutPerTest();
const entry = { name: 'svc', url: 'http://127.0.0.1:9/health' };

describe('validation errors', () => {
  it('carry every issue of a body, with its path, and a summary of the first five', async () => {
    start();
    const body = {
      name: '',
      url: 'ftp://x',
      method: 'BREW',
      interval: 'soon',
      conditions: ['[BODY].x >> 1', '[STATUS] < abc'],
      failure_threshold: -1,
      surprise: 1,
    };
    const r = await call(targets.POST, '/api/v1/targets', { method: 'POST', body });
    expect(r.status).toBe(400);
    const { error } = r.body as Envelope;
    expect(error.code).toBe('invalid_request');
    const paths = error.issues!.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'url',
        'method',
        'interval',
        'conditions.0',
        'conditions.1',
        'failure_threshold',
        '',
      ]),
    );
    expect(error.issues!.length).toBeGreaterThan(5);
    expect(error.message).toMatch(new RegExp(`; and ${error.issues!.length - 5} more$`));
    for (const issue of error.issues!) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('carry every bad query parameter, named by its path', async () => {
    start();
    const r = await call(summary.GET, `/api/v1/stats/summary?from=garbage&source=${'x'.repeat(300)}`);
    expect(r.status).toBe(400);
    const { error } = r.body as Envelope;
    expect(error.code).toBe('invalid_parameter');
    expect(error.issues!.map((i) => i.path)).toEqual(['from', 'source']);
    expect(error.message).toBe(
      'from: "garbage" is not a time; use RFC 3339, epoch milliseconds or now-15m.; source: must be at most 200 characters, without NUL bytes.',
    );
  });

  it('name the field of a conflict when there is one, and carry an empty list otherwise on 400', async () => {
    start();
    await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    const dup = await call(targets.POST, '/api/v1/targets', { method: 'POST', body: entry });
    expect(dup.status).toBe(409);
    expect((dup.body as Envelope).error).toMatchObject({
      code: 'name_taken',
      issues: [{ path: 'name', message: 'a target named "svc" already exists' }],
    });
    const notJson = await call(target.PATCH, '/api/v1/targets/1', { method: 'PATCH', id: 1, body: '{"name":' });
    expect((notJson.body as Envelope).error).toEqual({
      code: 'invalid_json',
      message: 'The request body is not valid JSON.',
      issues: [],
    });
    const missing = await call(target.GET, '/api/v1/targets/99', { id: 99 });
    expect(missing).toEqual({
      status: 404,
      body: { error: { code: 'not_found', message: 'target 99 was not found' } },
    });
  });
});

describe('the one error mapping', () => {
  it('answers each kind of domain error with its status, its code and its message', async () => {
    const cases: [Error, number][] = [
      [new InvalidInputError('invalid_x', 'x: bad', [{ path: 'x', message: 'bad' }]), 400],
      [new UnauthenticatedError('unauthorized', 'sign in'), 401],
      [new ForbiddenError('forbidden', 'not you'), 403],
      [new NotFoundError('thing 1'), 404],
      [new ConflictError('taken', 'taken'), 409],
      [new TooLargeError('payload_too_large', 'too big'), 413],
      [new RateLimitedError('too_many_attempts', 'wait', 7), 429],
      [new UnavailableError('ingest_unavailable', 'restarting'), 503],
    ];
    for (const [err, status] of cases) {
      const res = toErrorResponse(err);
      expect(res.status, err.constructor.name).toBe(status);
      const body = (await res.json()) as Envelope;
      expect(body.error.code).toBe((err as InvalidInputError).code);
      expect(body.error.message).toBe(err.message);
    }
    expect(toErrorResponse(new RateLimitedError('too_many_attempts', 'wait', 7)).headers.get('retry-after')).toBe('7');
    const zod = z.strictObject({ a: z.number(), b: z.string() }).safeParse({ a: 'x', c: 1 });
    const res = toErrorResponse(zod.error);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Envelope).error.issues!.map((i) => i.path)).toEqual(['a', 'b', '']);
  });

  it('turns anything else into a 500 without its details', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = toErrorResponse(new Error('secret path /etc/x'));
    expect(res.status).toBe(500);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(JSON.stringify(await res.json())).not.toContain('/etc/x');
  });
});

describe('route()', () => {
  const echo = defineEndpoint({
    method: 'POST',
    path: '/x/{id}',
    operationId: 'echo',
    summary: 'echo',
    tag: 't',
    access: 'admin',
    pathParams: { id: z.string().regex(/^\d+$/).transform(Number) },
    query: {
      n: z
        .string()
        .optional()
        .transform((s) => (s ? Number(s) : 1)),
    },
    body: z.strictObject({ word: z.string() }),
    status: 201,
  });
  const handler = route(echo, ({ params, query, body, principal }) => ({
    id: params.id + 1,
    n: query.n * 2,
    word: body.word,
    via: principal?.via,
  }));
  const post = (url: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` }) =>
    handler(
      new Request(`http://127.0.0.1${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      }),
      {
        params: Promise.resolve({ id: url.split('/')[2].split('?')[0] }),
      },
    );

  it('checks rights first, then hands over typed, parsed input and answers with the declared status', async () => {
    start();
    expect((await post('/x/41?n=3', {}, {})).status).toBe(401);
    const ok = await post('/x/41?n=3', { word: 'hi' });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toEqual({ id: 42, n: 6, word: 'hi', via: 'token' });
    const bad = await post('/x/abc', { word: 1 });
    expect(((await bad.json()) as Envelope).error).toMatchObject({
      code: 'invalid_parameter',
      issues: [{ path: 'id' }],
    });
  });

  it('answers an open endpoint without starting Lookout', async () => {
    clearLookout();
    const health = route(
      defineEndpoint({ method: 'GET', path: '/h', operationId: 'h', summary: 'h', tag: 't', access: 'open' }),
      () => ({ ok: true }),
    );
    expect(await (await health(new Request('http://127.0.0.1/h'))).json()).toEqual({ ok: true });
  });

  it('keeps sign-in forms same-origin even without a session', async () => {
    start();
    const res = await session.POST(
      new Request('http://127.0.0.1/api/v1/session', {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: '{}',
      }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as Envelope).error.code).toBe('csrf_rejected');
  });
});
