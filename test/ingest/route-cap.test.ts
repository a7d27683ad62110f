import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord, RequestFacts } from '@/lib/ingest/record';
import { MAX_ROUTES_PER_SOURCE, OVERFLOW_ROUTE } from '@/lib/ingest/route-cap';
import { getStatsRoutes } from '@/lib/queries/get-stats-routes';
import { tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 5, 1);
const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Letters only, so templating keeps each one its own route: `/probe-ba`, `/probe-bb`, …
const word = (i: number) =>
  `/probe-${String.fromCharCode(97 + (Math.floor(i / 26) % 26), 97 + (i % 26))}${'x'.repeat(Math.floor(i / 676))}`;

function record(ts: number, route: string): IngestRecord {
  const q: RequestFacts = {
    ts,
    status: 404,
    durationMs: 2,
    provider: null,
    model: null,
    inputTokens: null,
    outputTokens: null,
    rateLimited: false,
    method: 'GET',
    route,
  };
  return {
    ts,
    level: null,
    message: `GET ${route} 404`,
    fieldsJson: null,
    flags: 0,
    provider: null,
    model: null,
    status: 404,
    durationMs: 2,
    inputTokens: null,
    outputTokens: null,
    requestId: null,
    isRequest: true,
    requests: [q],
  };
}

describe('the per-source bound on routes', () => {
  it('counts routes past the bound as /:other, and remembers the stored ones after a restart', () => {
    const db = openWriteDb(path.join(dir, 'data'));
    db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'edge', 'http', 0)`).run();
    const extra = 150;
    const batch = (from: number, to: number, ts: number) => ({
      sourceId: 1,
      records: Array.from({ length: to - from }, (_, k) => record(ts + k, word(from + k))),
      rejects: [],
      linesRead: to - from,
      receivedAt: ts,
    });
    const write = createLogWriter(db);
    write(batch(0, 600, T0));
    write(batch(600, MAX_ROUTES_PER_SOURCE + extra, T0 + 60_000));
    const rows = getStatsRoutes(db, T0, T0 + 86_400_000, {}, 2_000);
    expect(rows).toHaveLength(MAX_ROUTES_PER_SOURCE + 1);
    expect(rows[0]).toMatchObject({ route: OVERFLOW_ROUTE, requests: extra, client_errors: extra });
    expect(rows.reduce((n, r) => n + r.requests, 0)).toBe(MAX_ROUTES_PER_SOURCE + extra);

    // A new writer (a restart) loads the routes already stored: a known one still counts as itself.
    const again = createLogWriter(db);
    again(batch(5, 6, T0 + 120_000));
    again(batch(MAX_ROUTES_PER_SOURCE + extra, MAX_ROUTES_PER_SOURCE + extra + 1, T0 + 120_001));
    const after = getStatsRoutes(db, T0, T0 + 86_400_000, {}, 2_000);
    expect(after.find((r) => r.route === word(5))?.requests).toBe(2);
    expect(after.find((r) => r.route === OVERFLOW_ROUTE)?.requests).toBe(extra + 1);
    db.close();
  });
});
