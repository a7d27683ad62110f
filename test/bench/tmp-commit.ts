import path from 'node:path';
import { openWriteDb } from '@/lib/db/connection';
import { createLogWriter } from '@/lib/ingest/log-writer';
import { loadSource, SourcePipeline } from '@/lib/ingest/source-pipeline';
import { ensureHttpSource } from '@/lib/ingest/sources';
import { unwrapLines } from '@/lib/ingest/unwrap-lines';
import { tempDir } from '../helpers/temp-dir';
import { benchAttrs, benchMessage } from './intake-records';
const now = Date.now();
const db = openWriteDb(path.join(tempDir(), 'data'));
const write = createLogWriter(db);
ensureHttpSource(db, 'otlp', now);
const p = new SourcePipeline(loadSource(db, 'otlp')!);
const per = Number(process.env.PER ?? 512);
const batches = [];
for (let i = 0; i < (per < 64 ? per * 500 : 81920); i += per) {
  const lines = [];
  for (let j = i; j < i + per; j++) lines.push({ text: JSON.stringify({ 'service.name': 'otlp', 'otel.scope.name': 'bench', ...benchAttrs(j), time: new Date(now).toISOString(), level: 'info', severity_number: 9, msg: benchMessage(j) }), truncated: false });
  batches.push(p.prepare(unwrapLines(lines), now));
}
const t = process.cpuUsage();
for (const b of batches) write(b);
const d = process.cpuUsage(t);
const n = batches.length * per; console.log(per, ((d.user + d.system) / n).toFixed(2), "us/record", ((d.user + d.system) / batches.length / 1000).toFixed(3), "ms/commit");
