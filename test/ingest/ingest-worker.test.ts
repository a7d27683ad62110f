import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import * as logs from '@/app/api/v1/logs/route';
import * as sources from '@/app/api/v1/sources/route';
import { systemClock } from '@/lib/clock';
import { IngestClient } from '@/lib/ingest/worker/ingest-client';
import { call, makeLookout } from '../helpers/lookout';

type Ctx = ReturnType<typeof makeLookout>;
let ctx: Ctx | null = null;
afterEach(async () => {
  await ctx?.close();
  ctx = null;
});

function v1Lines(from: number, n: number): string {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const time = new Date(Date.UTC(2026, 10, 27, 8) + i * 100).toISOString();
    out.push(`{"level":"info","msg":"Routed to provider=groq, model=m, tokens=7, strategy=explicit","time":"${time}"}`);
    out.push(
      `{"duration":0.25,"level":"info","msg":"HTTP response sent","seq":${i},"status":200,"time":"${time}","type":"response"}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function count(c: Ctx, sql: string): number {
  return c.lookout.readDb.prepare(sql).pluck().get() as number;
}

async function drain(c: Ctx): Promise<void> {
  while ((await c.lookout.ingest.pollAll()) > 0);
}

function startWithFile(lines: string): { c: Ctx; file: string } {
  const c = makeLookout({
    clock: systemClock,
    config: 'logs:\n  - { name: ccproxy, path: ccproxy.log, format: ccproxy }\n',
  });
  const file = path.join(c.dir, 'ccproxy.log');
  fs.writeFileSync(file, lines);
  return { c, file };
}

describe('ingestion in a worker thread', () => {
  it('tails files with its own write connection and reports their status to the main thread', async () => {
    const { c, file } = startWithFile(v1Lines(0, 500));
    ctx = c;
    expect(c.lookout.ingest).toBeInstanceOf(IngestClient);
    await c.lookout.ingest.whenSynced();
    await drain(c);
    expect(count(c, 'SELECT COUNT(*) FROM logs')).toBe(1_000);
    expect(count(c, "SELECT COUNT(*) FROM requests WHERE provider = 'groq'")).toBe(500);
    expect(c.lookout.ingest.tailStatus('ccproxy')).toMatchObject({
      source: 'ccproxy',
      totals: { linesRead: 1_000, sizeBytes: fs.statSync(file).size, lagBytes: 0 },
    });
  });

  it('answers an HTTP ingest only after the worker committed the lines', async () => {
    ctx = makeLookout({ clock: systemClock });
    const body = ['{"level":"error","msg":"first"}', 'not json at all', '{"level":"info","msg":"second"}'].join('\n');
    const res = await call(logs.POST, '/api/v1/logs?source=app', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-ndjson' },
    });
    expect(res).toMatchObject({ status: 200, body: { accepted: 3, rejected: 0 } });
    expect(
      count(ctx, "SELECT COUNT(*) FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = 'app')"),
    ).toBe(3);
  });

  it('group-commits concurrent posts to one source, answering each only once its own lines are stored, exactly once', async () => {
    const c = makeLookout({ clock: systemClock });
    ctx = c;
    const stored = (k: number) =>
      count(
        c,
        `SELECT COUNT(*) FROM logs WHERE source_id = (SELECT id FROM log_sources WHERE name = 'app') AND message LIKE 'post ${k} %'`,
      );
    const posts = Array.from({ length: 24 }, async (_, k) => {
      const body = Array.from({ length: 300 }, (_, i) => JSON.stringify({ level: 'info', msg: `post ${k} line ${i}` }));
      const res = await call(logs.POST, '/api/v1/logs?source=app', {
        method: 'POST',
        body: body.join('\n'),
        headers: { 'content-type': 'application/x-ndjson' },
      });
      // Read at the moment of the answer, before any later commit could bring the lines in.
      return { status: res.status, body: res.body, storedAtAnswer: stored(k) };
    });
    for (const r of await Promise.all(posts))
      expect(r).toEqual({ status: 200, body: { accepted: 300, rejected: 0, errors: [] }, storedAtAnswer: 300 });
    expect(count(c, 'SELECT COUNT(*) FROM logs')).toBe(24 * 300);
    expect(count(c, "SELECT lines_accepted FROM log_sources WHERE name = 'app'")).toBe(24 * 300);
  });

  it('passes a refused source back as a clear error', async () => {
    ctx = makeLookout({ clock: systemClock });
    const res = await call(sources.POST, '/api/v1/sources', {
      method: 'POST',
      body: { name: 'bad', path: path.join(ctx.dir, 'x.log'), extract: [{ field: 'message', regex: '(?<unclosed' }] },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/bad/);
  });

  it('replaces a worker that died, resuming from the committed offsets without losing or doubling a line', async () => {
    const { c, file } = startWithFile(v1Lines(0, 300));
    ctx = c;
    await c.lookout.ingest.whenSynced();
    await drain(c);
    const worker = (c.lookout.ingest as unknown as { worker: Worker }).worker;
    await worker.terminate();
    fs.appendFileSync(file, v1Lines(300, 200));
    await expect
      .poll(() => (c.lookout.ingest as unknown as { worker: Worker | null }).worker, { timeout: 10_000 })
      .not.toBeNull();
    await c.lookout.ingest.whenSynced();
    await drain(c);
    expect(count(c, 'SELECT COUNT(*) FROM logs')).toBe(1_000);
    expect(
      count(
        c,
        "SELECT COUNT(DISTINCT json_extract(fields, '$.seq')) FROM logs WHERE json_extract(fields, '$.seq') IS NOT NULL",
      ),
    ).toBe(500);
    expect(count(c, 'SELECT COUNT(*) FROM requests')).toBe(500);
  });

  it('answers 503 while a dead worker is being replaced, then ingests again', async () => {
    ctx = makeLookout({ clock: systemClock });
    const c = ctx;
    const handle = () => (c.lookout.ingest as unknown as { worker: Worker | null }).worker;
    const post = (msg: string) =>
      call(logs.POST, '/api/v1/logs?source=app', { method: 'POST', body: JSON.stringify({ msg }) });
    // The threads start with the first call that needs them.
    expect(await post('first')).toMatchObject({ status: 200, body: { accepted: 1 } });
    await handle()!.terminate();
    await expect.poll(handle).toBeNull();
    const refused = await post('lost?');
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'ingest_unavailable' } } });
    await expect.poll(handle, { timeout: 10_000 }).not.toBeNull();
    expect(await post('kept')).toMatchObject({ status: 200, body: { accepted: 1 } });
    expect(count(c, 'SELECT COUNT(*) FROM logs')).toBe(2);
  });

  it('copies the WAL into the database from a thread beside the writer, long before any connection would checkpoint', async () => {
    const { c } = startWithFile(v1Lines(0, 3_000));
    ctx = c;
    const dbFile = path.join(c.dir, 'data', 'lookout.db');
    const before = fs.statSync(dbFile).size;
    await c.lookout.ingest.whenSynced();
    await drain(c);
    expect(count(c, 'SELECT COUNT(*) FROM logs')).toBe(6_000);
    // ~2 MB of WAL: far below both connections' autocheckpoint, so only the checkpointer thread moves it.
    await expect.poll(() => fs.statSync(dbFile).size - before, { timeout: 5_000 }).toBeGreaterThan(1_000_000);
  });
});
