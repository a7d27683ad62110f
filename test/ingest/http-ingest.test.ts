import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as summary from '@/app/api/v1/stats/summary/route';
import { ADMIN, call, lookoutPerTest } from '../helpers/lookout';

type IngestBody = { accepted: number; rejected: number; errors: { line: number; reason: string }[] };
type SearchBody = {
  data: {
    message: string;
    level: string | null;
    status: number | null;
    fields: Record<string, unknown>;
    flags: number;
  }[];
};

const start = lookoutPerTest();

async function post(body: string | Uint8Array, contentType = 'application/x-ndjson', source = 'app') {
  const res = await logs.POST(
    new Request(`http://127.0.0.1/api/v1/logs?source=${source}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': contentType },
      body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
    }),
  );
  return { status: res.status, body: (await res.json()) as IngestBody & { error: { code: string; message: string } } };
}

async function search(q: string) {
  const params = new URLSearchParams({ q, from: '0', to: String(Date.now() + 400 * 86_400_000) });
  return ((await call(logs.GET, `/api/v1/logs?${params}`)).body as SearchBody).data;
}

describe('POST /api/v1/logs', () => {
  it('accepts NDJSON, plain lines and JSON arrays, skipping blank lines', async () => {
    start();
    const nd = await post(
      '{"level":"info","msg":"one","status":200,"duration_ms":12}\n\n{"level":"warning","msg":"two"}\r\n',
    );
    expect(nd.body).toEqual({ accepted: 2, rejected: 0, errors: [] });
    const plain = await post('2026-11-27 10:00:00,123 ERROR disk full\nplain words\n', 'text/plain');
    expect(plain.body.accepted).toBe(2);
    const arr = await post(
      JSON.stringify([{ msg: 'three', level: 30 }, 'a string line', 42, null, [1]]),
      'application/json',
    );
    expect(arr.body.accepted).toBe(2);
    expect(arr.body.rejected).toBe(3);
    expect(arr.body.errors.map((e) => e.line)).toEqual([3, 4, 5]);
    expect(arr.body.errors[0].reason).toMatch(/number/);
    const rows = await search('');
    expect(rows.map((r) => [r.message, r.level])).toEqual(
      expect.arrayContaining([
        ['one', 'info'],
        ['two', 'warn'],
        ['three', 'info'],
        ['2026-11-27 10:00:00,123 ERROR disk full', 'error'],
      ]),
    );
    const s = (await call(summary.GET, `/api/v1/stats/summary?from=0&to=${Date.now() + 400 * 86_400_000}`)).body as {
      requests: number;
    };
    expect(s.requests).toBe(1);
  });

  it('needs the source parameter and credentials, and refuses bodies over 16 MiB with a clear 413', async () => {
    start();
    expect((await post('x', 'text/plain', '')).status).toBe(400);
    expect((await post('x', 'text/plain', '../../etc')).status).toBe(400);
    const anon = await logs.POST(new Request('http://127.0.0.1/api/v1/logs?source=a', { method: 'POST', body: 'x' }));
    expect(anon.status).toBe(401);
    const big = await post('a'.repeat(16 * 1024 * 1024 + 1), 'text/plain');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect(big.body.error.message).toMatch(/16 MiB/);
  });

  it('accounts for every hostile line and stores exactly what was sent', async () => {
    start();
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const hostile = [
      '{"msg": "broken", ',
      '{"level":"error","msg":"wrong type","status":"two hundred","duration_ms":"slow"}',
      '{"time":"2999-01-01T00:00:00Z","msg":"from the future"}',
      'nul\u0000byte inside',
      '<script>alert(1)</script><b>bold</b>',
      "'; DROP TABLE logs; --",
      deep,
    ];
    const invalidUtf8 = Buffer.concat([
      Buffer.from('bad utf8 '),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' end\n'),
    ]);
    const huge = `{"msg":"${'x'.repeat(2 * 1024 * 1024)}"}`;
    const r1 = await post(hostile.join('\n'));
    expect(r1.body).toEqual({ accepted: hostile.length, rejected: 0, errors: [] });
    expect((await post(new Uint8Array(invalidUtf8))).body.accepted).toBe(1);
    expect((await post(huge)).body.accepted).toBe(1);

    const rows = await search('');
    expect(rows).toHaveLength(hostile.length + 2);
    expect((await search('"<script>alert(1)</script>"'))[0].message).toBe('<script>alert(1)</script><b>bold</b>');
    expect((await search(`"'; DROP TABLE logs; --"`))[0].message).toBe("'; DROP TABLE logs; --");
    expect((await search('"nul\u0000byte"')).length + (await search('inside')).length).toBeGreaterThan(0);
    expect((await search('"wrong type"'))[0]).toMatchObject({ status: null, fields: { status: 'two hundred' } });
    expect((await search('"bad utf8"'))[0].message).toBe('bad utf8 \ufffd\ufffd\ufffd end');
    const future = (await search('"from the future"'))[0];
    expect(future.flags & 1).toBe(1);
    const truncated = rows.find((r) => r.flags & 2)!;
    expect(truncated.message.length).toBeLessThanOrEqual(256 * 1024);
    expect(rows.find((r) => r.message.startsWith('{"a":{"a":'))!.flags & 16).toBe(16);
  });
});
