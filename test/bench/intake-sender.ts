// The client side of bench:intake, in its own process as an application would be: BENCH_LINES records (from
// BENCH_OFFSET) sent to INTAKE_URL by the real client of BENCH_PROTOCOL with its own batching, then exit.
// otlp-proto / otlp-json: the OpenTelemetry JS SDK's BatchLogRecordProcessor (batches of 512) and its protobuf
// or JSON exporter; loki: winston with winston-loki (snappy protobuf, one push per interval of what piled up).
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter as JsonExporter } from '@opentelemetry/exporter-logs-otlp-http';
import { OTLPLogExporter as ProtoExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import winston from 'winston';
import LokiTransport from 'winston-loki';
import { benchAttrs, benchMessage } from './intake-records';

const records = Number(process.env.BENCH_LINES);
const offset = Number(process.env.BENCH_OFFSET ?? 0);
const protocol = process.env.BENCH_PROTOCOL;
const url = process.env.INTAKE_URL!;
const headers = { authorization: `Bearer ${process.env.INTAKE_TOKEN}` };

async function sendOtlp(json: boolean): Promise<void> {
  const exporter = json ? new JsonExporter({ url, headers }) : new ProtoExporter({ url, headers });
  // The SDK drops a batch whose export failed (after its retries) without a word: count them.
  const lost: string[] = [];
  const send = exporter.export.bind(exporter);
  exporter.export = (batch, done) =>
    send(batch, (result) => {
      if (result.code !== 0) lost.push(`${batch.length} records: ${String(result.error)}`);
      done(result);
    });
  const provider = new LoggerProvider({
    resource: resourceFromAttributes({ 'service.name': json ? 'otlp-json' : 'otlp' }),
    processors: [new BatchLogRecordProcessor({ exporter, maxQueueSize: 20_000, maxExportBatchSize: 512 })],
  });
  const logger = provider.getLogger('bench');
  for (let i = 0; i < records; i++) {
    logger.emit({
      severityNumber: SeverityNumber.INFO,
      body: benchMessage(offset + i),
      attributes: benchAttrs(offset + i),
    });
    if (i % 10_000 === 9_999) await provider.forceFlush();
  }
  await provider.shutdown();
  if (lost.length) throw new Error(`the SDK gave up ${lost.length} batches, first ${lost[0]}`);
}

async function sendLoki(): Promise<void> {
  const failures: unknown[] = [];
  const transport = new LokiTransport({
    host: url,
    headers,
    labels: { job: 'loki' },
    interval: 0.5,
    onConnectionError: (err: unknown) => {
      failures.push(err);
      console.error(`[sender] winston-loki push failed: ${String(err)}`);
    },
  });
  const logger = winston.createLogger({ transports: [transport] });
  for (let i = 0; i < records; i++) {
    logger.info(benchMessage(offset + i), benchAttrs(offset + i));
    // An application does other work between lines; here it only lets the transport's timer push.
    if (i % 2_000 === 1_999) await yieldToLoop();
  }
  // winston holds lines back while the transport is behind: end the logger so all reach the transport's batch.
  await new Promise((resolve) => {
    logger.on('finish', resolve);
    logger.end();
  });
  // flush() waits only for the push in flight; close() also sends what piled up meanwhile.
  await transport.flush();
  await transport.close?.();
  if (failures.length) throw new Error(`winston-loki: ${failures.length} pushes failed: ${String(failures[0])}`);
}

if (protocol === 'loki') await sendLoki();
else await sendOtlp(protocol === 'otlp-json');
const cpu = process.cpuUsage();
// Its CPU time goes to the bench, which runs the senders on the same two cores as Lookout.
process.send?.({ cpuMs: (cpu.user + cpu.system) / 1000 }, () => process.exit(0));
