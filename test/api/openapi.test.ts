import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as openapi from '@/app/api/v1/openapi.json/route';
import { buildOpenApiDocument } from '@/lib/api/openapi/document';
import { ENDPOINTS } from '@/lib/api/openapi/registry';
import { createApiToken } from '@/lib/auth/api-tokens';
import { call, makeLookout } from '../helpers/lookout';
import { type RouteFile, routeFiles, toApiPath } from './route-files';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument();
let routes: RouteFile[] = [];
beforeAll(async () => {
  routes = await routeFiles();
}, 60_000);

/** Every `$ref` in the document, with where it sits. */
function refs(node: unknown, at = '#'): [string, string][] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refs(n, `${at}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [[at, v] as [string, string]] : refs(v, `${at}/${k}`),
  );
}

function resolve(ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((n, key) => (n && typeof n === 'object' ? (n as Json)[key] : undefined), doc);
}

describe('OpenAPI document', () => {
  it('maps route files to API paths', () => {
    expect(toApiPath('/x/app/api/v1/targets/[id]/checks/route.ts'.replace('/x', process.cwd()))).toBe(
      '/api/v1/targets/{id}/checks',
    );
    expect(toApiPath(`${process.cwd()}/app/(site)/metrics/route.ts`)).toBe('/metrics');
  });

  it('describes every method of every route file, and nothing that does not exist', () => {
    expect(routes.length).toBeGreaterThan(20);
    const undocumented = routes.flatMap((r) =>
      [...r.methods.keys()]
        .filter((m) => !ENDPOINTS.some((e) => e.path === r.path && e.method === m))
        .map((m) => `${m} ${r.path} (${r.file})`),
    );
    expect(undocumented, 'add these to lib/api/openapi/endpoints-*.ts').toEqual([]);
    const stale = ENDPOINTS.filter((e) => !routes.some((r) => r.path === e.path && r.methods.has(e.method))).map(
      (e) => `${e.method} ${e.path}`,
    );
    expect(stale, 'documented but no route file exports them').toEqual([]);
  });

  it('is structurally sound: OpenAPI 3.1, unique operationIds, declared path parameters, resolvable $refs', () => {
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const ids: string[] = [];
    for (const [p, ops] of Object.entries(paths)) {
      const inPath = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(ops)) {
        ids.push(op.operationId as string);
        const params = op.parameters as { name: string; in: string; required: boolean; schema: Json }[];
        const declared = params.filter((x) => x.in === 'path');
        expect(declared.map((x) => x.name).sort(), `${method} ${p}`).toEqual(inPath);
        expect(
          declared.every((x) => x.required),
          `${method} ${p}: path params are required`,
        ).toBe(true);
        expect(new Set(params.map((x) => `${x.in}:${x.name}`)).size, `${method} ${p}: duplicate parameters`).toBe(
          params.length,
        );
        for (const x of params) expect(x.schema, `${method} ${p} ${x.name}`).toBeTypeOf('object');
        const responses = op.responses as Json;
        expect(
          Object.keys(responses).some((s) => /^2\d\d$/.test(s)),
          `${method} ${p} has a success response`,
        ).toBe(true);
        if (method === 'get' || method === 'delete') expect(op.requestBody, `${method} ${p}`).toBeUndefined();
      }
    }
    expect(ids.length).toBe(ENDPOINTS.length);
    expect(new Set(ids).size, 'operationIds are unique').toBe(ids.length);
    const all = refs(doc);
    expect(all.length).toBeGreaterThan(20);
    const broken = all.filter(([, ref]) => resolve(ref) === undefined).map(([at, ref]) => `${at} → ${ref}`);
    expect(broken).toEqual([]);
  });

  it('carries the request schemas the routes validate with and the contract shapes', () => {
    const paths = doc.paths as Record<string, Record<string, Json>>;
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    // url is required by type (http, tcp, tls, icmp), not by the schema: dns and heartbeat targets have none.
    expect((schemas.TargetInput.required as string[]).sort()).toEqual(['name']);
    expect((schemas.TargetInput.properties as Json).method).toMatchObject({
      enum: expect.arrayContaining(['GET', 'HEAD']),
    });
    expect(Object.keys(schemas.Target.properties as Json)).toEqual(
      expect.arrayContaining([
        'id',
        'name',
        'url',
        'interval_s',
        'timeout_ms',
        'status',
        'since',
        'last_check',
        'uptime',
        'latency_ms',
      ]),
    );
    expect(Object.keys(schemas.LogEntry.properties as Json)).toEqual(
      expect.arrayContaining([
        'id',
        'ts',
        'source',
        'level',
        'message',
        'provider',
        'model',
        'status',
        'duration_ms',
        'input_tokens',
        'output_tokens',
        'request_id',
        'fields',
      ]),
    );
    const logs = paths['/api/v1/logs'].get.parameters as { name: string; schema: Json }[];
    expect(logs.map((x) => x.name)).toEqual(['from', 'to', 'q', 'source', 'level', 'limit', 'cursor']);
    expect(logs.find((x) => x.name === 'level')?.schema.enum).toEqual([
      'trace',
      'debug',
      'info',
      'warn',
      'error',
      'fatal',
    ]);
    const by = (paths['/api/v1/stats/requests'].get.parameters as { name: string; schema: Json }[]).find(
      (x) => x.name === 'by',
    );
    expect(by?.schema.enum).toEqual(['provider', 'model', 'status', 'source', 'none']);
    const ingest = paths['/api/v1/logs'].post;
    expect((ingest.parameters as { name: string; required: boolean }[])[0]).toMatchObject({
      name: 'source',
      required: true,
    });
    expect(paths['/api/v1/health'].get.security).toEqual([]);
    expect(paths['/api/v1/targets/{id}'].delete.responses).toHaveProperty('204');
  });

  describe('served at /api/v1/openapi.json', () => {
    let ctxRef: ReturnType<typeof makeLookout> | null = null;
    beforeAll(() => {
      ctxRef = makeLookout();
    });
    afterAll(() => ctxRef?.close());

    it('documents the scope each route enforces', async () => {
      const { lookout } = ctxRef!;
      const tokens = Object.fromEntries(
        (['read', 'ingest'] as const).map((scope) => [
          scope,
          createApiToken(lookout.db, `oa-${scope}`, scope, lookout.clock.now()).token,
        ]),
      );
      const mismatches: string[] = [];
      for (const e of ENDPOINTS) {
        const route = routes.find((r) => r.path === e.path);
        const handler = route?.methods.get(e.method);
        if (!handler) continue;
        const params = Promise.resolve(Object.fromEntries(Object.keys(e.pathParams ?? {}).map((k) => [k, '1'])));
        const statusWith = async (token: string | null) => {
          const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
          return (await handler(new Request(`http://127.0.0.1${e.path}`, { method: e.method, headers }), { params }))
            .status;
        };
        const anon = await statusWith(null);
        if ((anon === 401) !== (e.access !== 'open'))
          mismatches.push(`${e.method} ${e.path}: anonymous got ${anon}, documented ${e.access}`);
        for (const scope of ['read', 'ingest'] as const) {
          const got = await statusWith(tokens[scope]);
          const denied = got === 401 || got === 403;
          if (e.access !== 'open' && denied !== (e.access !== scope))
            mismatches.push(`${e.method} ${e.path}: ${scope} token got ${got}, documented ${e.access}`);
        }
      }
      expect(mismatches).toEqual([]);
    });

    it('answers the document with read rights and 401 without', async () => {
      const ok = await call(openapi.GET, '/api/v1/openapi.json');
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual(JSON.parse(JSON.stringify(doc)));
      const anon = await call(openapi.GET, '/api/v1/openapi.json', { token: null });
      expect(anon.status).toBe(401);
      expect(anon.body).toMatchObject({ error: { code: 'unauthorized' } });
    });
  });
});
