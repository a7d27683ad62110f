// npm run bench:provider-health — /api/v1/providers/health's read at a busy proxy's rate: an hour of traffic at
// RATE requests/s over six providers, half with output tokens (v0-like), and one llm target per provider.
// Prints p95 ms of the provider health read for 1m, 5m and 1h windows beside /stats/providers over the same windows.
import fs from 'node:fs';
import path from 'node:path';
import { openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { getProviderHealth } from '@/lib/provider-health/provider-health';
import { DEFAULT_THRESHOLDS } from '@/lib/provider-health/thresholds';
import { getLlmChecksLatest } from '@/lib/queries/get-llm-checks-latest';
import { getProviderThroughput } from '@/lib/queries/get-provider-throughput';
import { getStatsProviders } from '@/lib/queries/get-stats-providers';
import { exactQuantile } from '@/lib/stats/histogram';
import { tempDir } from '../helpers/temp-dir';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];
const RUNS = 30;

function seed(dir: string, now: number) {
  const db = openWriteDb(path.join(dir, 'data'));
  db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'ccproxy', 'file', 0)`).run();
  const write = createLogWriter(db);
  const n = RATE * 3600;
  let batch: IngestRecord[] = [];
  for (let i = 0; i < n; i++) {
    const ts = now - 3_600_000 + Math.floor((i * 1000) / RATE);
    const provider = PROVIDERS[i % PROVIDERS.length];
    const status = i % 50 === 0 ? 429 : i % 37 === 0 ? 502 : 200;
    const q = {
      ts,
      status,
      durationMs: 200 + (i % 3000),
      provider,
      model: `${provider}-large`,
      inputTokens: 200 + (i % 900),
      outputTokens: i % 2 === 0 && status === 200 ? 50 + (i % 400) : null,
      rateLimited: status === 429,
    };
    batch.push({
      level: 'info',
      message: 'HTTP response sent',
      fieldsJson: null,
      flags: 0,
      ...q,
      requestId: null,
      isRequest: true,
      requests: [q],
    });
    if (batch.length === 5_000) {
      write({ sourceId: 1, records: batch, rejects: [], linesRead: batch.length, receivedAt: ts });
      batch = [];
    }
  }
  if (batch.length) write({ sourceId: 1, records: batch, rejects: [], linesRead: batch.length, receivedAt: now });
  const insert = db.prepare(
    `INSERT INTO targets (name, type, url, options, interval_ms, timeout_ms, created_at, updated_at, status, status_since)
     VALUES (?, 'llm', 'http://127.0.0.1:3456/v1/messages', ?, 10000, 5000, 0, 0, 'up', 0)`,
  );
  const check = db.prepare(
    `INSERT INTO checks (target_id, ts, up, status_code, latency_ms, error, gauges, metrics) VALUES (?, ?, 1, 200, 120, NULL, NULL, ?)`,
  );
  PROVIDERS.forEach((p, i) => {
    const id = Number(insert.run(`llm-${p}`, JSON.stringify({ model: `${p}-large`, provider: p })).lastInsertRowid);
    for (let ts = now - 86_400_000; ts < now; ts += 10_000)
      check.run(id, ts + i, JSON.stringify({ probe_llm_ttft_seconds: 0.08 }));
  });
  return db;
}

function p95(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return Math.round(exactQuantile(times, 0.95)! * 10) / 10;
}

const dir = tempDir('lookout-bench-health-');
const now = Date.now();
const started = Date.now();
const db = seed(dir, now);
console.log(
  `seeded ${(RATE * 3600).toLocaleString()} requests (${RATE}/s for 1 h) in ${Math.round((Date.now() - started) / 1000)} s`,
);
const rows: Record<string, Record<string, number>> = {};
for (const [label, ms] of [
  ['1m', 60_000],
  ['5m', 300_000],
  ['1h', 3_600_000],
] as const) {
  const health = p95(() => getProviderHealth(db, now, { ...DEFAULT_THRESHOLDS, windowMs: ms }));
  const stats = p95(() => getStatsProviders(db, now - ms, now, {}));
  rows[label] = {
    'provider health p95 ms': health,
    '/stats/providers p95 ms': stats,
    ratio: Math.round((health / stats) * 100) / 100,
    'of it: tokens/s p95 ms': p95(() => getProviderThroughput(db, now - ms, now)),
    'of it: llm checks p95 ms': p95(() => getLlmChecksLatest(db)),
  };
}
console.table(rows);
const worst = Math.max(...Object.values(rows).map((r) => r['provider health p95 ms']));
console.log(`${worst < 150 ? 'PASS' : 'MISS'}  provider health p95 < 150 ms in every window (worst ${worst} ms)`);
db.close();
fs.rmSync(dir, { recursive: true, force: true });
