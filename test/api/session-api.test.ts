import { afterEach, describe, expect, it } from 'vitest';
import * as session from '@/app/api/v1/session/route';
import * as targets from '@/app/api/v1/targets/route';
import { ADMIN, call, makeLookout } from '../helpers/lookout';

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function login(token: string): Promise<Response> {
  return session.POST(
    new Request('http://127.0.0.1/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) }),
  );
}

describe('session', () => {
  it('exchanges the admin token for an httpOnly SameSite cookie that grants reads and JSON writes', async () => {
    close = makeLookout().close;
    expect((await login('nope')).status).toBe(401);
    const res = await login(ADMIN);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toContain(ADMIN);
    const cookie = setCookie.split(';')[0];

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

  it('rejects cookie-authenticated changes that a foreign page could forge', async () => {
    close = makeLookout().close;
    const cookie = (await login(ADMIN)).headers.get('set-cookie')!.split(';')[0];
    const form = await targets.POST(
      new Request('http://127.0.0.1/api/v1/targets', {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/plain' },
        body: JSON.stringify({ name: 'y', url: 'http://127.0.0.1:9/' }),
      }),
    );
    expect(form.status).toBe(403);
    const foreign = await targets.POST(
      new Request('http://127.0.0.1/api/v1/targets', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
        body: JSON.stringify({ name: 'y', url: 'http://127.0.0.1:9/' }),
      }),
    );
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
  });

  it('logs out', async () => {
    close = makeLookout().close;
    const cookie = (await login(ADMIN)).headers.get('set-cookie')!.split(';')[0];
    const out = await session.DELETE(new Request('http://127.0.0.1/api/v1/session', { method: 'DELETE', headers: { cookie } }));
    expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await call(targets.GET, '/api/v1/targets', { token: null, headers: { cookie } })).status).toBe(401);
  });
});
