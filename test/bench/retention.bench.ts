// npm run bench:retention — what retention costs for one whole day of a busy proxy: RETENTION_LINES_PER_DAY
// (1M) lines a day for two days, written by the log writer with the full-text index built, then one
// pruneOnce (the retention job) with a cutoff one day back: milliseconds for the day, per table.
import fs from 'node:fs';
import path from 'node:path';
import { settingsOf } from '@/lib/config/provisioning';
import { openWriteDb } from '@/lib/db/connection';
import { pruneOnce } from '@/lib/engine/retention';
import { indexAllBehind } from '@/lib/ingest/fts-index';
import { createLogWriter } from '@/lib/ingest/log-writer';
import type { IngestRecord } from '@/lib/ingest/record';
import { tempDir } from '../helpers/temp-dir';

const DAY = 86_400_000;
const PER_DAY = Number(process.env.RETENTION_LINES_PER_DAY ?? 1_000_000);
const PROVIDERS = ['groq', 'openai', 'gemini', 'mistral', 'xai', 'ollama'];

function record(i: number, ts: number): IngestRecord {
  const p = PROVIDERS[i % PROVIDERS.length];
  const fields = {
    action: i % 2 ? 'anthropic_request' : `${p}_response`,
    level: 'info',
    msg: i % 3 ? 'API action' : `Routed to provider=${p}, model=${p}-large, tokens=${200 + (i % 900)}`,
    request_id: `${(i * 2654435761) >>> 0}-4b7d-${i}`,
    time: new Date(ts).toISOString(),
  };
  return {
    ts,
    level: 'info',
    message: fields.msg,
    fieldsJson: JSON.stringify(fields),
    flags: 0,
    provider: p,
    model: null,
    status: 200,
    durationMs: null,
    inputTokens: null,
    outputTokens: null,
    requestId: null,
    isRequest: false,
    requests: [],
  };
}

async function main() {
  const dir = tempDir('lookout-bench-retention-');
  const db = openWriteDb(path.join(dir, 'data'));
  db.prepare(`INSERT INTO log_sources (id, name, kind, created_at) VALUES (1, 'proxy', 'http', 0)`).run();
  const write = createLogWriter(db);
  const now = Date.now();
  const start = now - 2 * DAY;
  const lines = 2 * PER_DAY;
  const t0 = performance.now();
  for (let i = 0; i < lines; i += 5_000) {
    const records: IngestRecord[] = [];
    for (let j = i; j < Math.min(lines, i + 5_000); j++)
      records.push(record(j, start + Math.floor((j * 2 * DAY) / lines)));
    write({ sourceId: 1, records, rejects: [], linesRead: records.length, receivedAt: now });
  }
  indexAllBehind(db);
  const wrote = performance.now() - t0;
  console.log(
    `${lines.toLocaleString()} lines over 2 days written and indexed in ${(wrote / 1000).toFixed(1)} s (${Math.round(lines / (wrote / 1000)).toLocaleString()} lines/s)`,
  );
  // Retention of one day: the first of the two days is past the cutoff.
  const started = performance.now();
  const deleted = await pruneOnce(db, now, settingsOf({ retention: { logs: '1d' } }));
  const ms = performance.now() - started;
  const kept = db.prepare('SELECT COUNT(*) FROM logs').pluck().get() as number;
  console.log(
    `retention of one whole day: ${Math.round(ms).toLocaleString()} ms for ${deleted.logs.toLocaleString()} lines (${((ms * 1000) / Math.max(1, deleted.logs)).toFixed(1)} µs a line); ${kept.toLocaleString()} lines kept`,
  );
  console.table(Object.fromEntries(Object.entries(deleted).filter(([, n]) => n > 0)));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
