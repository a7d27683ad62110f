import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openWriteDb } from '@/lib/db/connection';
import { WriteTurns } from '@/lib/db/write-turns';
import { ingestClientHost } from '@/lib/ingest/worker/create-ingest';
import { IngestClient, type IngestClientOptions, workerBundlePath } from '@/lib/ingest/worker/ingest-client';
import { tempDir } from '../helpers/temp-dir';

interface Ctx {
  dir: string;
  db: Db;
  client: IngestClient;
}
let ctx: Ctx | null = null;
afterEach(async () => {
  await ctx?.client.stop();
  ctx?.db.close();
  if (ctx) fs.rmSync(ctx.dir, { recursive: true, force: true });
  ctx = null;
});

function open(options: IngestClientOptions): Ctx {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data');
  const turns = new WriteTurns();
  const db = openWriteDb(dataDir, { announce: turns });
  const client = new IngestClient(
    workerBundlePath()!,
    { dataDir, writeTurns: turns.buffer },
    ingestClientHost(db),
    options,
  );
  client.start();
  ctx = { dir, db, client };
  return ctx;
}

const threadOf = (c: Ctx) => (c.client as unknown as { worker: Worker | null }).worker;
const lines = (...texts: string[]) =>
  texts.map((text) => ({ text: JSON.stringify({ level: 'info', msg: text }), truncated: false }));
const messages = (c: Ctx) => c.db.prepare('SELECT message FROM logs ORDER BY id').pluck().all() as string[];
const autocheckpoint = (c: Ctx) => c.db.pragma('wal_autocheckpoint', { simple: true }) as number;

describe('ingestion threads on demand', () => {
  it('start with the first HTTP ingest, stop once idle, and start again for the next one', async () => {
    const c = open({ idleStopMs: 300, idleCheckMs: 50 });
    await c.client.syncFileSources([], c.dir);
    await c.client.whenSynced();
    expect(threadOf(c)).toBeNull();
    expect(autocheckpoint(c)).toBe(1_000);

    expect(await c.client.ingestLines('app', lines('one', 'two'), [])).toEqual({ accepted: 2, rejected: 0 });
    expect(threadOf(c)).not.toBeNull();
    expect(autocheckpoint(c)).toBe(100_000);
    await expect.poll(() => [threadOf(c), autocheckpoint(c)], { timeout: 5_000 }).toEqual([null, 1_000]);

    expect(await c.client.ingestLines('app', lines('three'), [])).toEqual({ accepted: 1, rejected: 0 });
    expect(messages(c)).toEqual(['one', 'two', 'three']);
  });

  it('keep running while a file source is tailed, and stop once it is detached', async () => {
    const c = open({ idleStopMs: 200, idleCheckMs: 50 });
    const file = path.join(c.dir, 'app.log');
    fs.writeFileSync(file, '{"level":"info","msg":"tailed"}\n');
    await c.client.syncFileSources([{ name: 'app', path: file, format: 'json' }], c.dir);
    expect(threadOf(c)).not.toBeNull();
    await expect.poll(() => messages(c), { timeout: 5_000 }).toEqual(['tailed']);
    await new Promise((r) => setTimeout(r, 600));
    expect(threadOf(c)).not.toBeNull();

    await c.client.detachSource('app');
    await expect.poll(() => threadOf(c), { timeout: 5_000 }).toBeNull();
  });

  it('hold a call made while the threads stop until they have, then commit it exactly once', async () => {
    const c = open({ idleStopMs: 0, idleCheckMs: 3_600_000 });
    await c.client.ingestLines('app', lines('before'), []);
    (c.client as unknown as { retireIfIdle(): void }).retireIfIdle();
    const during = c.client.ingestLines('app', lines('during'), []);
    expect(await during).toEqual({ accepted: 1, rejected: 0 });
    expect(threadOf(c)).not.toBeNull();
    expect(messages(c)).toEqual(['before', 'during']);
  });

  it('stop only once every line is in the full-text index', async () => {
    const c = open({ idleStopMs: 100, idleCheckMs: 50 });
    // More lines than one request indexes inline: the writer thread indexes them once ingestion pauses.
    const many = Array.from({ length: 2_000 }, (_, i) => `needle ${i}`);
    await c.client.ingestLines('app', lines(...many), []);
    await expect.poll(() => threadOf(c), { timeout: 10_000 }).toBeNull();
    expect(c.db.prepare(`SELECT COUNT(*) FROM logs_fts WHERE logs_fts MATCH 'needle'`).pluck().get()).toBe(2_000);
  });
});
