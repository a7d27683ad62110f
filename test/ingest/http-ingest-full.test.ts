import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as system from '@/app/api/v1/system/route';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();

async function post(first: number, n: number) {
  const body = Array.from({ length: n }, (_, i) => JSON.stringify({ msg: `line ${first + i}`, pad: 'q'.repeat(400) }));
  const res = await logs.POST(
    new Request('http://127.0.0.1/api/v1/logs?source=app', {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/x-ndjson' },
      body: body.join('\n'),
    }),
  );
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as { accepted?: number; error?: { code: string; message: string } },
  };
}

type Storage = { state: string; reason: string | null; faults: number };
const storage = async () => ((await call(system.GET, '/api/v1/system')).body as { storage: Storage }).storage;

describe('POST /api/v1/logs on a full database', () => {
  it('answers 507 storage_full, stores nothing of the request, says full in /system, and accepts again after', async () => {
    const { lookout } = start();
    const db = lookout.db;
    expect((await post(0, 10)).status).toBe(200);
    expect(await storage()).toMatchObject({ state: 'ok', reason: null, faults: 0 });
    // SQLite's page limit refuses new pages with a real SQLITE_FULL, as a full disk does.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    const refused = await post(10, 3_000);
    expect(refused.status).toBe(507);
    expect(refused.retryAfter).toBe('30');
    expect(refused.body.error?.code).toBe('storage_full');
    expect(refused.body.error?.message).toMatch(/SQLITE_FULL.*nothing of this request was stored/);
    const count = () => lookout.readDb.prepare('SELECT COUNT(*) FROM logs').pluck().get() as number;
    expect(count()).toBe(10);
    expect(await storage()).toMatchObject({ state: 'full', reason: 'SQLITE_FULL', faults: 1 });

    db.pragma('max_page_count = 1073741823');
    const again = await post(10, 3_000);
    expect(again.status).toBe(200);
    expect(again.body.accepted).toBe(3_000);
    expect(count()).toBe(3_010);
    expect(lookout.readDb.prepare('SELECT COUNT(DISTINCT message) FROM logs').pluck().get()).toBe(3_010);
  });
});
