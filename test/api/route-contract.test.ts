import { beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from '@/lib/api/openapi/registry';
import type { Endpoint } from '@/lib/api/openapi/types';
import { type RouteFile, routeFiles } from './route-files';

let routes: RouteFile[] = [];
beforeAll(async () => {
  routes = await routeFiles();
}, 60_000);

describe('route files', () => {
  it('serve each method through route() with the registry entry of their own path and method', () => {
    const wrong: string[] = [];
    for (const r of routes) {
      for (const [method, handler] of r.methods) {
        const endpoint = (handler as { endpoint?: Endpoint }).endpoint;
        if (!endpoint) wrong.push(`${method} ${r.path}: not made with route()`);
        else if (endpoint.method !== method || endpoint.path !== r.path)
          wrong.push(`${method} ${r.path} serves ${endpoint.method} ${endpoint.path}`);
        else if (!ENDPOINTS.includes(endpoint)) wrong.push(`${method} ${r.path}: its endpoint is not in the registry`);
      }
    }
    expect(wrong).toEqual([]);
    expect(routes.flatMap((r) => [...r.methods.keys()]).length).toBe(ENDPOINTS.length);
  });
});
