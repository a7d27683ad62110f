// npm run import -- FILE --source NAME: backfills history through the ingestion pipeline, with progress.
import fs from 'node:fs';
import path from 'node:path';
import { systemClock } from '@/lib/clock';
import { readEnv } from '@/lib/config/env';
import { openWriteDb } from '@/lib/db/connection';
import { indexAllBehind } from '@/lib/ingest/fts-index';
import { IngestService } from '@/lib/ingest/ingest-service';
import type { TailStatus } from '@/lib/ingest/tail';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run import -- FILE --source NAME`);
  process.exit(2);
}

const args = process.argv.slice(2);
const sourceAt = args.indexOf('--source');
const source = sourceAt >= 0 ? args[sourceAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && i !== sourceAt + 1);
if (!file) usage('import: name the file to load.');
if (!source || !/^[A-Za-z0-9_.:-]{1,100}$/.test(source))
  usage('import: --source NAME is required (letters, digits, _ . : -).');
const absolute = path.resolve(file);
if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) usage(`import: ${absolute} is not a file.`);

const total = fs.statSync(absolute).size;
const started = Date.now();
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

function progress(s: TailStatus, done = false): void {
  const read = s.files.reduce((n, f) => n + f.offset, 0);
  const secs = (Date.now() - started) / 1000;
  const rate = s.totals.linesRead / Math.max(secs, 0.001);
  const share = total ? read / total : 1;
  const eta = share > 0 ? (secs / share) * (1 - share) : 0;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
  process.stderr.write(
    `\r[${bar}] ${(share * 100).toFixed(1)}%  ${mb(read)} / ${mb(total)}  ${s.totals.linesRead.toLocaleString()} lines  ${Math.round(rate).toLocaleString()} lines/s  ${done ? `done in ${secs.toFixed(1)} s` : `${Math.ceil(eta)} s left`}   `,
  );
}

const env = readEnv();
const db = openWriteDb(env.dataDir);
const ingest = new IngestService(db, systemClock);
const status = await ingest.importFile(source, absolute, (s) => progress(s));
progress(status, true);
// Index the imported lines now, so the server never starts with a week the full-text index has not reached.
const indexing = Date.now();
const indexed = indexAllBehind(db, (n, left) =>
  process.stderr.write(`\rfull-text index: ${n.toLocaleString()} lines indexed, ${left.toLocaleString()} to go   `),
);
if (indexed > 0)
  process.stderr.write(
    `\rfull-text index: ${indexed.toLocaleString()} lines indexed in ${((Date.now() - indexing) / 1000).toFixed(1)} s   `,
  );
const row = db
  .prepare('SELECT lines_accepted a, lines_rejected r, lines_flagged f FROM log_sources WHERE name = ?')
  .get(source) as { a: number; r: number; f: number };
process.stderr.write(
  `\nimported into source "${source}" in ${env.dataDir}: ${row.a} lines accepted in all, ${row.r} rejected, ${row.f} flagged\n`,
);
db.close();
