import { describe, expect, it } from 'vitest';
import * as password from '@/app/api/v1/session/password/route';
import * as session from '@/app/api/v1/session/route';
import * as targets from '@/app/api/v1/targets/route';
import * as tokens from '@/app/api/v1/tokens/route';
import type { FakeClock } from '@/lib/clock';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();

function post(
  handler: (req: Request) => Promise<Response>,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return handler(
    new Request(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.1', ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const login = (body: unknown, headers?: Record<string, string>) => post(session.POST, '/api/v1/session', body, headers);
const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0];
const codeOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

describe('session', () => {
  it('exchanges the admin token for an httpOnly SameSite cookie that grants reads and JSON writes', async () => {
    start();
    expect((await login({ token: 'nope' })).status).toBe(401);
    const res = await login({ token: ADMIN });
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    expect(setCookie).not.toContain(ADMIN);
    const cookie = cookieOf(res);

    const who = await call(session.GET, '/api/v1/session', { token: null, headers: { cookie } });
    expect(who.body).toEqual({ data: { scope: 'admin', anonymous: false } });
    expect((await call(targets.GET, '/api/v1/targets', { token: null, headers: { cookie } })).status).toBe(200);
    const created = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      token: null,
      headers: { cookie },
      body: { name: 'x', url: 'http://127.0.0.1:9/health' },
    });
    expect(created.status).toBe(201);
  });

  it('marks the cookie Secure behind an https proxy', async () => {
    start();
    expect((await login({ token: ADMIN }, { 'x-forwarded-proto': 'https' })).headers.get('set-cookie')).toMatch(
      /; Secure/,
    );
  });

  it('rejects cookie-authenticated changes that a foreign page could forge', async () => {
    start();
    const cookie = cookieOf(await login({ token: ADMIN }));
    const attempt = (
      headers: Record<string, string>,
      body: string | FormData = JSON.stringify({ name: 'y', url: 'http://127.0.0.1:9/' }),
    ) =>
      targets.POST(
        new Request('http://127.0.0.1/api/v1/targets', { method: 'POST', headers: { cookie, ...headers }, body }),
      );
    const form = new FormData();
    form.set('name', 'y');
    const forged = [
      await attempt({ 'content-type': 'text/plain' }),
      await attempt(
        { 'content-type': 'application/x-www-form-urlencoded' },
        'name=y&url=http%3A%2F%2F127.0.0.1%3A9%2F',
      ),
      await attempt({}, form),
      await attempt({ 'content-type': 'application/json', origin: 'https://evil.example' }),
      await attempt({ 'content-type': 'application/json', origin: 'null' }),
      await attempt({ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' }),
      await attempt({ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }),
    ];
    for (const res of forged) {
      expect(res.status).toBe(403);
      expect(await codeOf(res)).toBe('csrf_rejected');
    }
    const own = await attempt({
      'content-type': 'application/json',
      origin: 'http://127.0.0.1',
      'sec-fetch-site': 'same-origin',
    });
    expect(own.status).toBe(201);
    // A bearer token is not sent by browsers on their own, so it needs no CSRF guard.
    const bearer = await call(targets.POST, '/api/v1/targets', {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example' },
      body: { name: 'z', url: 'http://127.0.0.1:9/' },
    });
    expect(bearer.status).toBe(201);
  });

  it('logs out', async () => {
    start();
    const cookie = cookieOf(await login({ token: ADMIN }));
    const out = await session.DELETE(
      new Request('http://127.0.0.1/api/v1/session', { method: 'DELETE', headers: { cookie } }),
    );
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await call(targets.GET, '/api/v1/targets', { token: null, headers: { cookie } })).status).toBe(401);
  });
});

describe('admin password', () => {
  it('accepts LOOKOUT_ADMIN_PASSWORD and refuses to choose another', async () => {
    const { lookout } = start();
    lookout.env.adminPassword = 'correct horse battery';
    expect((await login({ password: 'wrong horse battery' })).status).toBe(401);
    const ok = await login({ password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { scope: 'admin' } });
    const again = await post(password.POST, '/api/v1/session/password', {
      password: 'something else entirely',
      token: ADMIN,
    });
    expect(again.status).toBe(409);
    expect(await codeOf(again)).toBe('password_from_env');
  });

  it('is chosen on first visit only with the admin token, stored as scrypt, and then signs in', async () => {
    const { lookout } = start();
    const choose = (body: unknown, headers?: Record<string, string>) =>
      post(password.POST, '/api/v1/session/password', body, headers);
    expect((await choose({ password: 'first-password!' })).status).toBe(401);
    expect((await choose({ password: 'first-password!', token: 'guess' })).status).toBe(401);
    const short = await choose({ password: 'short', token: ADMIN });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { message: string } }).error.message).toMatch(
      /^password: use at least 10 characters/,
    );

    const chosen = await choose({ password: 'first-password!', token: ADMIN });
    expect(chosen.status).toBe(200);
    expect(chosen.headers.get('set-cookie')).toMatch(/lookout_session=lk_sess_/);
    const row = lookout.db.prepare('SELECT hash FROM admin_password').get() as { hash: string };
    expect(row.hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(row.hash).not.toContain('first-password!');

    // Now that one is set, the admin token alone no longer replaces it; admin rights are needed.
    expect((await choose({ password: 'hijacked-password', token: ADMIN })).status).toBe(401);
    expect((await login({ password: 'first-password!' })).status).toBe(200);
    const changed = await choose({ password: 'second-password!' }, { authorization: `Bearer ${ADMIN}` });
    expect(changed.status).toBe(200);
    expect((await login({ password: 'first-password!' })).status).toBe(401);
    expect((await login({ password: 'second-password!' })).status).toBe(200);
  });

  it('locks a client out after five failures, doubling the wait, with 429 and Retry-After', async () => {
    const { lookout, clock } = start();
    lookout.env.adminPassword = 'correct horse battery';
    for (let i = 0; i < 5; i++) expect((await login({ password: `guess ${i}` })).status).toBe(401);
    const locked = await login({ password: 'correct horse battery' });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('10');
    expect(await codeOf(locked)).toBe('too_many_attempts');
    // Another client is not affected.
    expect((await login({ password: 'correct horse battery' }, { 'x-forwarded-for': '10.0.0.2' })).status).toBe(200);

    (clock as FakeClock).advance(10_000);
    expect((await login({ password: 'guess 6' })).status).toBe(401);
    const longer = await login({ password: 'correct horse battery' });
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('20');
    // A token still signs in while the password is locked, and success clears the count.
    expect((await login({ token: ADMIN })).status).toBe(200);
    expect((await login({ password: 'guess 7' })).status).toBe(401);
    expect((await login({ password: 'correct horse battery' })).status).toBe(200);
  });

  it('signs in with API tokens at their scope, but not with an ingest token', async () => {
    start();
    const make = async (scope: string) =>
      (
        (await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body: { name: scope, scope } })).body as {
          data: { token: string };
        }
      ).data.token;
    const read = await login({ password: await make('read') });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ data: { scope: 'read' } });
    const ingest = await login({ password: await make('ingest') });
    expect(ingest.status).toBe(403);
  });

  it('answers a body without credentials with a 400 naming the field', async () => {
    start();
    const res = await login({});
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^password:/);
  });
});
