import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Clock, FakeClock } from '@/lib/clock';
import type { Lookout } from '@/lib/engine/context';
import { clearLookout, setLookout } from '@/lib/engine/instance';
import { startLookout } from '@/lib/engine/lookout';
import { tempDir } from './temp-dir';

export const ADMIN = 'test-admin-token';

/** A Lookout on a real SQLite file in a temp dir, installed as the process instance for route handlers. */
export function makeLookout(opts: { clock?: Clock; config?: string; probes?: boolean; anonymousRead?: boolean } = {}): {
  lookout: Lookout;
  clock: Clock;
  dir: string;
  close: () => Promise<void>;
} {
  const dir = tempDir();
  let configFile: string | null = null;
  if (opts.config !== undefined) {
    configFile = path.join(dir, 'lookout.yml');
    fs.writeFileSync(configFile, opts.config);
  }
  const clock = opts.clock ?? new FakeClock();
  const lookout = startLookout({
    clock,
    probes: opts.probes ?? false,
    env: {
      port: 0,
      host: '127.0.0.1',
      dataDir: path.join(dir, 'data'),
      configFile,
      adminToken: ADMIN,
      anonymousRead: opts.anonymousRead ?? false,
      externalUrl: 'http://127.0.0.1:3000',
    },
  });
  setLookout(lookout);
  return {
    lookout,
    clock,
    dir,
    close: async () => {
      clearLookout();
      await lookout.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Call at a test file's top level: the returned `start` makes a Lookout that is closed after each test. */
export function lookoutPerTest(): (opts?: Parameters<typeof makeLookout>[0]) => ReturnType<typeof makeLookout> {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });
  return (opts = {}) => {
    const ctx = makeLookout(opts);
    close = ctx.close;
    return ctx;
  };
}

type Handler = (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Calls a route handler the way Next does, with the admin token unless told otherwise. */
export async function call(
  handler: Handler,
  url: string,
  init: {
    method?: string;
    body?: unknown;
    token?: string | null;
    id?: string | number;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token !== null) headers.authorization = `Bearer ${init.token ?? ADMIN}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const req = new Request(`http://127.0.0.1${url}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const res = await handler(req, { params: Promise.resolve({ id: String(init.id ?? '') }) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}
