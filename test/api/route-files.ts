import fs from 'node:fs';
import path from 'node:path';
import type { Method } from '@/lib/api/openapi/types';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export interface RouteFile {
  file: string;
  /** OpenAPI style path: `app/api/v1/targets/[id]/route.ts` → `/api/v1/targets/{id}`. */
  path: string;
  methods: Map<Method, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : d.name === 'route.ts' ? [full] : [];
  });
}

export function toApiPath(file: string): string {
  const rel = path.relative(path.join(ROOT, 'app'), path.dirname(file)).split(path.sep);
  const parts = rel
    .filter((p) => p && !/^\(.*\)$/.test(p))
    .map((p) => decodeURIComponent(p).replace(/^\[(?:\.\.\.)?(.+)\]$/, '{$1}'));
  return `/${parts.join('/')}`;
}

/** Every app/**\/route.ts with the HTTP methods it exports, imported as Next would. */
export async function routeFiles(): Promise<RouteFile[]> {
  const out: RouteFile[] = [];
  for (const file of walk(path.join(ROOT, 'app')).sort()) {
    const mod = (await import(file)) as Record<string, unknown>;
    const methods: RouteFile['methods'] = new Map();
    for (const m of METHODS) if (typeof mod[m] === 'function') methods.set(m as Method, mod[m] as never);
    out.push({ file: path.relative(ROOT, file), path: toApiPath(file), methods });
  }
  return out;
}
