// npx tsx test/bench/intake-stages.ts — where an OTLP request's time goes, stage by stage, on one thread:
// decoding and mapping (main thread), parsing (ingestion thread) and the commit (writer thread), per record,
// beside the same stages for the tailed file's lines, and the commit's cost by batch size.
import path from 'node:path';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { ProtobufLogsSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider, type ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { openWriteDb } from '@/lib/db/connection';
import { createLogWriter, type LogBatch } from '@/lib/ingest/log-writer';
import { loadSource, SourcePipeline } from '@/lib/ingest/source-pipeline';
import { ensureHttpSource } from '@/lib/ingest/sources';
import { unwrapLines } from '@/lib/ingest/unwrap-lines';
import { logsToLines } from '@/lib/otlp/logs-to-lines';
import { decodeProtobuf, LogsRequest } from '@/lib/otlp/proto';
import { tempDir } from '../helpers/temp-dir';
import { benchAttrs, benchMessage } from './intake-records';

const N = Number(process.env.BENCH_LINES ?? 40_960);
const BATCH = 512;

// The SDK's own batches, serialized by its own protobuf serializer, as the exporter would send them.
const batches: ReadableLogRecord[][] = [];
const exporter = {
  export: (logs: ReadableLogRecord[], done: (r: { code: 0 }) => void) => {
    batches.push(logs);
    done({ code: 0 });
  },
  shutdown: async () => {},
  forceFlush: async () => {},
};
const provider = new LoggerProvider({
  resource: resourceFromAttributes({ 'service.name': 'otlp' }),
  processors: [new BatchLogRecordProcessor({ exporter, maxQueueSize: N, maxExportBatchSize: BATCH })],
});
const logger = provider.getLogger('bench');
const now = Date.now();
for (let i = 0; i < N; i++)
  logger.emit({ severityNumber: SeverityNumber.INFO, body: benchMessage(i), attributes: benchAttrs(i) });
await provider.forceFlush();
const exported = batches.reduce((n, b) => n + b.length, 0);
if (exported !== N) throw new Error(`the SDK exported ${exported} of ${N}`);
const bodies = batches.map((b) => Buffer.from(ProtobufLogsSerializer.serializeRequest(b)!));

const us = (ms: number) => Math.round((ms * 1000 * 100) / N) / 100;
/** CPU time (ms) rather than wall time: the shared machine's other work does not count. */
function timed<T>(fn: () => T): [T, number] {
  const t = process.cpuUsage();
  const v = fn();
  const d = process.cpuUsage(t);
  return [v, (d.user + d.system) / 1000];
}
const decodeAll = () => bodies.map((b) => logsToLines(decodeProtobuf(LogsRequest, b), true, now).bySource.get('otlp')!);
decodeAll(); // warm-up: the parse stages below run on code the tailer has warmed the same way
const otlpLines = decodeAll();

// Decoding and mapping as a request does them: one body at a time, its objects dropped before the next (holding
// all of them would time the garbage collector). The least of five rounds, each way, side by side.
const protobufjs = (b: Buffer) =>
  LogsRequest.toObject(LogsRequest.decode(b), { longs: String, enums: Number, bytes: String, arrays: true });
const ways: Record<string, (b: Buffer) => unknown> = {
  protobufjs_decode: protobufjs,
  reader_decode: (b) => decodeProtobuf(LogsRequest, b),
  protobufjs_and_object_mapping: (b) => logsToLines(protobufjs(b), true, now, { quick: false }),
  reader_and_text_mapping: (b) => logsToLines(decodeProtobuf(LogsRequest, b), true, now),
};
const decodeUs: Record<string, number> = {};
for (const [name, way] of Object.entries(ways)) {
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const [, ms] = timed(() => {
      for (const b of bodies) way(b);
    });
    best = Math.min(best, ms);
  }
  decodeUs[`otlp_${name}_us_per_record`] = us(best);
}
const tailedLines: string[][] = [];
for (let i = 0; i < N; i += BATCH) {
  const chunk: string[] = [];
  for (let j = i; j < Math.min(N, i + BATCH); j++)
    chunk.push(
      JSON.stringify({ time: new Date(now).toISOString(), level: 'info', msg: benchMessage(j), ...benchAttrs(j) }),
    );
  tailedLines.push(chunk);
}

const db = openWriteDb(path.join(tempDir(), 'data'));
const write = createLogWriter(db);
function pipelineFor(name: string): SourcePipeline {
  ensureHttpSource(db, name, now);
  return new SourcePipeline(loadSource(db, name)!);
}
function parse(name: string, chunks: string[][]): [LogBatch[], number] {
  const p = pipelineFor(name);
  return timed(() => chunks.map((c) => p.prepare(unwrapLines(c.map((text) => ({ text, truncated: false }))), now)));
}
// Warmed up both ways first, then the least of three rounds each, alternating, so neither pays for the JIT.
parse('warm-otlp', otlpLines);
parse('warm-tailed', tailedLines);
let [otlpBatches, otlpParseMs] = parse('otlp', otlpLines);
let [tailedBatches, tailedParseMs] = parse('tailed', tailedLines);
for (let round = 1; round < 3; round++) {
  otlpParseMs = Math.min(otlpParseMs, parse(`otlp-${round}`, otlpLines)[1]);
  tailedParseMs = Math.min(tailedParseMs, parse(`tailed-${round}`, tailedLines)[1]);
}

function merged(batches: LogBatch[], per: number): LogBatch[] {
  const out: LogBatch[] = [];
  for (let i = 0; i < batches.length; i += per) {
    const group = batches.slice(i, i + per);
    out.push({ ...group[group.length - 1], records: group.flatMap((b) => b.records) });
  }
  return out;
}
const commits: Record<string, number> = {};
// Each size twice, in turns (the tables grow as they go), the lesser time kept.
let tailedCommitMs = Number.POSITIVE_INFINITY;
for (let round = 0; round < 2; round++) {
  for (const per of [1, 4, 10]) {
    const [, ms] = timed(() => {
      for (const b of merged(otlpBatches, per)) write(b);
    });
    const key = `otlp_commit_us_per_record_batches_of_${per * BATCH}`;
    commits[key] = Math.min(commits[key] ?? Number.POSITIVE_INFINITY, us(ms));
  }
  tailedCommitMs = Math.min(tailedCommitMs, timed(() => merged(tailedBatches, 10).forEach(write))[1]);
}

console.log(
  JSON.stringify(
    {
      records: N,
      otlp_line_chars: otlpLines[0][0].length,
      tailed_line_chars: tailedLines[0][0].length,
      ...decodeUs,
      otlp_parse_us_per_record: us(otlpParseMs),
      tailed_parse_us_per_record: us(tailedParseMs),
      ...commits,
      [`tailed_commit_us_per_record_batches_of_${10 * BATCH}`]: us(tailedCommitMs),
      example_otlp_line: otlpLines[0][0],
    },
    null,
    2,
  ),
);
db.close();
