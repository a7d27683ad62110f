import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as session from '@/app/api/v1/session/route';
import * as targets from '@/app/api/v1/targets/route';
import * as token from '@/app/api/v1/tokens/[id]/route';
import * as tokens from '@/app/api/v1/tokens/route';
import type { FakeClock } from '@/lib/clock';
import { call, lookoutPerTest } from '../helpers/lookout';

type Created = { data: { id: number; name: string; scope: string; token: string } };
type Listed = { data: { id: number; name: string; scope: string; created_at: string; last_used_at: string | null }[] };

const start = lookoutPerTest();

async function create(name: string, scope: string): Promise<Created['data']> {
  const res = await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body: { name, scope } });
  expect(res.status).toBe(201);
  return (res.body as Created).data;
}

const ingestLine = (t: string) =>
  logs.POST(
    new Request('http://127.0.0.1/api/v1/logs?source=app', {
      method: 'POST',
      headers: { authorization: `Bearer ${t}` },
      body: '{"msg":"hi"}\n',
    }),
  );

describe('API tokens', () => {
  it('creates a token shown once, stores only its hash, and lists it without the secret', async () => {
    const { lookout } = start();
    const t = await create('grafana', 'read');
    expect(t).toEqual({
      id: expect.any(Number),
      name: 'grafana',
      scope: 'read',
      token: expect.stringMatching(/^lk_tok_[\w-]{32}$/),
    });
    const stored = JSON.stringify(lookout.db.prepare('SELECT * FROM api_tokens').all());
    expect(stored).not.toContain(t.token);
    const list = await call(tokens.GET, '/api/v1/tokens');
    expect(list.status).toBe(200);
    expect((list.body as Listed).data).toEqual([
      { id: t.id, name: 'grafana', scope: 'read', created_at: '2026-01-01T00:00:00.000Z', last_used_at: null },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(t.token);
  });

  it('grants exactly what the scope says', async () => {
    start();
    const read = (await create('r', 'read')).token;
    const ingest = (await create('i', 'ingest')).token;
    const admin = (await create('a', 'admin')).token;
    const body = { name: 'x', url: 'http://127.0.0.1:9/health' };
    expect((await call(targets.GET, '/api/v1/targets', { token: read })).status).toBe(200);
    expect((await call(targets.POST, '/api/v1/targets', { method: 'POST', token: read, body })).status).toBe(403);
    expect((await ingestLine(read)).status).toBe(403);
    expect((await call(tokens.GET, '/api/v1/tokens', { token: read })).status).toBe(403);

    expect((await call(targets.GET, '/api/v1/targets', { token: ingest })).status).toBe(403);
    expect((await ingestLine(ingest)).status).toBe(200);

    expect((await call(targets.POST, '/api/v1/targets', { method: 'POST', token: admin, body })).status).toBe(201);
    expect((await ingestLine(admin)).status).toBe(200);
    expect((await call(tokens.GET, '/api/v1/tokens', { token: admin })).status).toBe(200);
  });

  it('records last use at most once a minute', async () => {
    const { lookout, clock } = start();
    const t = await create('r', 'read');
    const lastUsed = () =>
      (
        lookout.db.prepare('SELECT last_used_at FROM api_tokens WHERE id = ?').get(t.id) as {
          last_used_at: number | null;
        }
      ).last_used_at;
    const t0 = clock.now();
    await call(targets.GET, '/api/v1/targets', { token: t.token });
    expect(lastUsed()).toBe(t0);
    (clock as FakeClock).advance(30_000);
    await call(targets.GET, '/api/v1/targets', { token: t.token });
    expect(lastUsed()).toBe(t0);
    (clock as FakeClock).advance(31_000);
    await call(targets.GET, '/api/v1/targets', { token: t.token });
    expect(lastUsed()).toBe(t0 + 61_000);
    const listed = (await call(tokens.GET, '/api/v1/tokens')).body as Listed;
    expect(listed.data[0].last_used_at).toBe(new Date(t0 + 61_000).toISOString());
  });

  it('revokes a token at once, with the sessions opened with it', async () => {
    start();
    const t = await create('wall', 'read');
    const login = await session.POST(
      new Request('http://127.0.0.1/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password: t.token }),
      }),
    );
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await call(targets.GET, '/api/v1/targets', { token: null, headers: { cookie } })).status).toBe(200);

    expect((await call(token.DELETE, `/api/v1/tokens/${t.id}`, { method: 'DELETE', id: t.id })).status).toBe(204);
    const after = await call(targets.GET, '/api/v1/targets', { token: t.token });
    expect(after.status).toBe(401);
    expect((await call(targets.GET, '/api/v1/targets', { token: null, headers: { cookie } })).status).toBe(401);
    expect(((await call(tokens.GET, '/api/v1/tokens')).body as Listed).data).toEqual([]);
    expect((await call(token.DELETE, `/api/v1/tokens/${t.id}`, { method: 'DELETE', id: t.id })).status).toBe(404);
  });

  it('validates input with 400s naming the field, and refuses duplicate names', async () => {
    start();
    const bad = async (body: unknown, field: string) => {
      const res = await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body });
      expect(res.status).toBe(400);
      expect((res.body as { error: { message: string } }).error.message).toMatch(new RegExp(`^${field}:`));
    };
    await bad({ name: '', scope: 'read' }, 'name');
    await bad({ name: 'x'.repeat(101), scope: 'read' }, 'name');
    await bad({ name: 'x', scope: 'root' }, 'scope');
    await bad({ scope: 'read' }, 'name');
    await create('dup', 'read');
    const dup = await call(tokens.POST, '/api/v1/tokens', { method: 'POST', body: { name: 'dup', scope: 'admin' } });
    expect(dup.status).toBe(409);
    expect((dup.body as { error: { code: string } }).error.code).toBe('token_name_taken');
    const id = await call(token.DELETE, '/api/v1/tokens/abc', { method: 'DELETE', id: 'abc' });
    expect(id.status).toBe(400);
  });
});
