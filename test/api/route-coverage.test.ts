import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '@/lib/auth/api-tokens';
import type { Lookout } from '@/lib/engine/context';
import { ADMIN, makeLookout } from '../helpers/lookout';
import {
  type Access,
  listAppFiles,
  METHODS,
  type Method,
  PAGES,
  ROUTES,
  type RouteRule,
  routeOf,
} from './access-table';

const root = path.resolve(import.meta.dirname, '..', '..');
const routeFiles = listAppFiles(root, 'route.ts', fs);
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Caller = 'anonymous' | 'read' | 'ingest' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'ingest', 'read', 'admin'];

/** What a caller must get: refused (401 without credentials, 403 with too few rights) or let through (anything else below 500). */
function expected(access: Access, caller: Caller, anonymousRead: boolean): 401 | 403 | 'through' {
  if (access === 'open' || caller === 'admin') return 'through';
  if (caller === 'anonymous') return access === 'read' && anonymousRead ? 'through' : 401;
  return caller === access ? 'through' : 403;
}

function paramsOf(route: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of route.matchAll(/\[(\w+)\]/g)) params[m[1]] = m[1] === 'name' ? 'nobody' : '424242';
  return params;
}

async function invoke(route: string, method: Method, rule: RouteRule, bearer: string | null): Promise<Response> {
  const mod = (await import(path.join(root, 'app', route, 'route.ts'))) as Record<string, Handler>;
  const params = paramsOf(route);
  const url = `http://127.0.0.1${route.replace(/\[(\w+)\]/g, (_, k: string) => params[k])}${rule.query ?? ''}`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-forwarded-for': `10.9.${CALLERS.length}.1`,
  };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  const body = method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(rule.body ?? {});
  return mod[method](new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
}

describe('route coverage', () => {
  it('lists every route file and every exported method, and nothing else', async () => {
    const onDisk: Record<string, Method[]> = {};
    for (const file of routeFiles) {
      const mod = (await import(path.join(root, file))) as Record<string, unknown>;
      onDisk[routeOf(file, 'route.ts')] = METHODS.filter((m) => typeof mod[m] === 'function');
    }
    const inTable = Object.fromEntries(Object.entries(ROUTES).map(([r, ms]) => [r, METHODS.filter((m) => ms[m])]));
    expect(onDisk).toEqual(inTable);
  });

  it('lists every page', () => {
    expect(
      listAppFiles(root, 'page.tsx', fs)
        .map((f) => routeOf(f, 'page.tsx'))
        .sort(),
    ).toEqual(Object.keys(PAGES).sort());
  });

  for (const anonymousRead of [false, true]) {
    describe(`with LOOKOUT_ANONYMOUS_READ=${anonymousRead}`, () => {
      let ctx: ReturnType<typeof makeLookout>;
      let secrets: Record<Caller, string | null>;
      beforeAll(() => {
        ctx = makeLookout({ anonymousRead });
        const lookout: Lookout = ctx.lookout;
        const now = lookout.clock.now();
        secrets = {
          anonymous: null,
          read: createApiToken(lookout.db, 'r', 'read', now).token,
          ingest: createApiToken(lookout.db, 'i', 'ingest', now).token,
          admin: ADMIN,
        };
      });
      afterAll(() => ctx.close());

      for (const [route, methods] of Object.entries(ROUTES)) {
        for (const method of METHODS) {
          const rule = methods[method];
          if (!rule) continue;
          it(`${method} ${route} (${rule.access})`, async () => {
            for (const caller of CALLERS) {
              const res = await invoke(route, method, rule, secrets[caller]);
              const want = expected(rule.access, caller, anonymousRead);
              const what = `${caller} → ${method} ${route}: ${res.status} ${res.status >= 400 ? await res.clone().text() : ''}`;
              if (want === 'through') {
                expect(res.status, what).toBeLessThan(500);
                expect([401, 403], what).not.toContain(res.status);
              } else {
                expect(res.status, what).toBe(want);
                // Elasticsearch's routes refuse in Elasticsearch's shape (`error.type`), which its clients read.
                const body = (await res.json()) as { error: { code?: string; type?: string } };
                expect(body.error.code ?? body.error.type, what).toMatch(/^[a-z_]+$/);
              }
            }
          });
        }
      }
    });
  }
});
