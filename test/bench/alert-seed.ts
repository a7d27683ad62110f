import type { Db } from '@/lib/db/connection';
import { createRollupWriter, LogRollupBuffer } from '@/lib/ingest/log-rollups';

const DAY = 86_400_000;
const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];
export const LOG_JOBS = ['ccproxy', 'gateway'];

export interface SeedOptions {
  end: number;
  days: number;
  targets: number;
  checkIntervalMs: number;
  /** Client requests per second for each log source. */
  rps: number;
}

/** A deterministic generator, so every run seeds the same history. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Checks for `targets` probe targets every `checkIntervalMs`: short outages, slow spells and health gauges. */
export function seedChecks(db: Db, o: SeedOptions): number {
  const start = o.end - o.days * DAY;
  const addTarget = db.prepare(
    `INSERT INTO targets (name, url, interval_ms, timeout_ms, created_at, updated_at, status, status_since) VALUES (?, ?, ?, 2000, ?, ?, 'up', ?)`,
  );
  const insert = db.prepare(
    'INSERT INTO checks (target_id, ts, up, status_code, latency_ms, error, gauges) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rnd = lcg(7);
  let n = 0;
  db.transaction(() => {
    for (let i = 0; i < o.targets; i++)
      addTarget.run(`t${i}`, `http://10.0.0.${i + 1}:3456/health`, o.checkIntervalMs, start, start, start);
  })();
  for (let day = start; day < o.end; day += DAY) {
    db.transaction(() => {
      for (let ts = day; ts < Math.min(day + DAY, o.end); ts += o.checkIntervalMs) {
        for (let id = 1; id <= o.targets; id++) {
          const up = rnd() > 0.002;
          const healthy = up ? 2 + Math.floor(rnd() * 5) : 0;
          const gauges =
            id % 2 === 0
              ? JSON.stringify({
                  'providers.healthy': healthy,
                  'providers.total': 6,
                  uptime_seconds: (ts - start) / 1000,
                })
              : null;
          insert.run(
            id,
            ts + id * 37,
            up ? 1 : 0,
            up ? 200 : 503,
            15 + rnd() * (rnd() < 0.01 ? 3000 : 120),
            up ? null : 'status 503 is not 2xx',
            gauges,
          );
          n++;
        }
      }
    })();
  }
  return n;
}

/** Request and line-level rollups (all widths) for each log source, written through the ingest rollup buffer. */
export function seedLogRollups(db: Db, o: SeedOptions): number {
  const start = o.end - o.days * DAY;
  const rnd = lcg(11);
  let requests = 0;
  for (const job of LOG_JOBS)
    db.prepare(`INSERT INTO log_sources (name, kind, created_at) VALUES (?, 'http', ?)`).run(job, start);
  const writeRollups = createRollupWriter(db);
  for (let day = start; day < o.end; day += DAY) {
    const buf = new LogRollupBuffer();
    LOG_JOBS.forEach((_, s) => {
      const sourceId = s + 1;
      for (let ts = day; ts < Math.min(day + DAY, o.end); ts += 10_000) {
        // A daily swell: busiest in the afternoon, quiet at night.
        const load = o.rps * 10 * (0.4 + 0.6 * Math.sin((((ts % DAY) / DAY) * Math.PI * 2 - Math.PI / 2) / 2) ** 2);
        const count = Math.floor(load + rnd());
        for (let k = 0; k < count; k++) {
          const provider = PROVIDERS[Math.floor(rnd() * PROVIDERS.length)];
          const r = rnd();
          const status = r < 0.01 ? 502 : r < 0.025 ? 429 : r < 0.03 ? 400 : 200;
          const t = ts + Math.floor(rnd() * 10_000);
          buf.addRequest(sourceId, {
            ts: t,
            status,
            provider,
            model: `${provider}-large`,
            durationMs: 150 + rnd() * rnd() * 8000,
            inputTokens: 200 + Math.floor(rnd() * 900),
            outputTokens: 50 + Math.floor(rnd() * 400),
            rateLimited: status === 429,
          });
          buf.addLine(sourceId, { ts: t, level: 'info', provider, status: null });
          buf.addLine(sourceId, { ts: t, level: 'info', provider: null, status: null });
          buf.addLine(sourceId, { ts: t, level: status >= 500 ? 'error' : 'info', provider: null, status });
          requests++;
        }
      }
    });
    db.transaction(() => writeRollups(buf))();
  }
  return requests;
}
