// The client side of bench:intake, in its own process as an application would be: the OpenTelemetry JS SDK
// with its protobuf exporter sends BENCH_LINES records (from BENCH_OFFSET) to OTLP_URL, then exits.
import { SeverityNumber } from '@opentelemetry/api-logs';
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import { benchAttrs, benchMessage } from './intake-records';

const records = Number(process.env.BENCH_LINES);
const offset = Number(process.env.BENCH_OFFSET ?? 0);
const provider = new LoggerProvider({
  resource: resourceFromAttributes({ 'service.name': 'otlp' }),
  processors: [
    new BatchLogRecordProcessor({
      exporter: new OTLPLogExporter({
        url: process.env.OTLP_URL,
        headers: { authorization: `Bearer ${process.env.OTLP_TOKEN}` },
      }),
      maxQueueSize: 20_000,
      maxExportBatchSize: 512,
    }),
  ],
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
