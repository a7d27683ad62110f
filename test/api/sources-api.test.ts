import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as source from '@/app/api/v1/sources/[id]/route';
import * as sources from '@/app/api/v1/sources/route';
import { call, lookoutPerTest } from '../helpers/lookout';

type Source = {
  id: number;
  name: string;
  tailing: boolean;
  detected_format: string | null;
  lag_bytes: number;
  lines: { read: number; accepted: number; rejected: number; flagged: number };
  files: { path: string; size_bytes: number; offset: number; lag_bytes: number }[];
  recent_rejects: { reason: string }[];
};

const start = lookoutPerTest();

describe('log sources API', () => {
  it('adds a file source that is tailed at once, reports its status, and detaches it', async () => {
    const ctx = start();
    const file = path.join(ctx.dir, 'app.log');
    fs.writeFileSync(
      file,
      '{"level":"info","msg":"hello","time":"2025-12-31T23:00:00Z"}\n{"level":"error","msg":"boom","time":"2025-12-31T23:00:01Z"}\npartial',
    );
    const created = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'app', path: file, format: 'auto' },
    });
    expect(created.status).toBe(201);
    await ctx.lookout.ingest.pollAll();

    const list = ((await call(sources.GET, '/api/v1/sources')).body as { data: Source[] }).data;
    const app = list.find((s) => s.name === 'app')!;
    expect(app).toMatchObject({
      tailing: true,
      detected_format: 'json',
      lines: { read: 2, accepted: 2, rejected: 0, flagged: 0 },
    });
    expect(app.files).toEqual([
      expect.objectContaining({ path: file, size_bytes: fs.statSync(file).size, lag_bytes: 'partial'.length }),
    ]);

    const found = (await call(logs.GET, '/api/v1/logs?from=0&q=boom')).body as { data: { message: string }[] };
    expect(found.data.map((l) => l.message)).toEqual(['boom']);

    expect((await call(source.DELETE, `/api/v1/sources/${app.id}`, { method: 'DELETE', id: app.id })).status).toBe(204);
    const after = ((await call(sources.GET, '/api/v1/sources')).body as { data: Source[] }).data;
    expect(after.find((s) => s.name === 'app')!.tailing).toBe(false);
    expect((await call(source.DELETE, '/api/v1/sources/999', { method: 'DELETE', id: 999 })).status).toBe(404);
  });

  it('refuses an invalid extraction rule with the reason, and a bad entry naming the field', async () => {
    start();
    const bad = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'x', path: '/tmp/x.log', extract: [{ field: 'message', regex: '(?<status>\\d+' }] },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/extraction rule/);
    const noPath = await call(sources.POST, '/api/v1/sources', { method: 'POST', body: { name: 'y' } });
    expect((noPath.body as { error: { message: string } }).error.message).toMatch(/path/);
    const unauth = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'z', path: '/tmp/z' },
      token: null,
    });
    expect(unauth.status).toBe(401);
  });

  it('pins a format and a time zone: a local-time syslog lands at its UTC instant, and a bad zone names the field', async () => {
    const ctx = start();
    const file = path.join(ctx.dir, 'messages');
    fs.writeFileSync(file, 'Jan  1 09:00:00 host app[1]: error: disk full\n');
    const created = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'sys', path: file, format: 'syslog', timezone: 'Asia/Tokyo' },
    });
    expect(created.status).toBe(201);
    await ctx.lookout.ingest.pollAll();
    const list = ((await call(sources.GET, '/api/v1/sources')).body as { data: (Source & { timezone: string })[] })
      .data;
    expect(list.find((s) => s.name === 'sys')).toMatchObject({
      timezone: 'Asia/Tokyo',
      detected_format: 'syslog',
      lines: { accepted: 1, flagged: 0 },
    });
    const found = (await call(logs.GET, '/api/v1/logs?from=0&q=disk')).body as {
      data: { ts: string; level: string }[];
    };
    // The FakeClock starts on 2026-01-01T00:00Z: 09:00 in Tokyo that day is 00:00 UTC, not after the time received.
    expect(found.data).toEqual([expect.objectContaining({ ts: '2026-01-01T00:00:00.000Z', level: 'error' })]);

    const bad = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'sys2', path: file, timezone: 'Mars/Olympus' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as { error: { message: string } }).error.message).toMatch(/timezone/);
  });
});
