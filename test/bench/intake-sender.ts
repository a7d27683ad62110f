// The client side of bench:intake, in its own process as an application would be: BENCH_LINES records (from
// BENCH_OFFSET) sent to INTAKE_URL by the real client of BENCH_PROTOCOL with its own batching, then exit.
// otlp-proto / otlp-json: the OpenTelemetry JS SDK's BatchLogRecordProcessor (batches of 512) and its protobuf
// or JSON exporter; loki: winston with winston-loki (snappy protobuf, one push per interval of what piled up).
// BENCH_REPLAY=1: the client sends to a recorder in this process first; once the bench says go, the recorded
// requests (the client's own bodies and batches) go to INTAKE_URL one after the other, so what is measured is
// Lookout's intake, not the client making its records on the same two cores.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
const replay = process.env.BENCH_REPLAY === '1';
const service = process.env.BENCH_SERVICE ?? protocol;
const headers = { authorization: `Bearer ${process.env.INTAKE_TOKEN}` };

interface Recorded {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** Takes the client's requests as Lookout would (an empty success), keeping path, content headers and body. */
async function recorder(): Promise<{ url: string; requests: Recorded[]; close: () => Promise<void> }> {
  const requests: Recorded[] = [];
  let open = 0;
  let lastAt = Date.now();
  const server = http.createServer((req, res) => {
    open++;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const kept: Record<string, string> = {};
      for (const h of ['content-type', 'content-encoding', 'authorization'])
        if (typeof req.headers[h] === 'string') kept[h] = req.headers[h];
      requests.push({ path: req.url ?? '/', headers: kept, body: Buffer.concat(chunks) });
      if (req.url?.startsWith('/loki')) res.writeHead(204).end();
      else if (kept['content-type'] === 'application/json')
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      open--;
      lastAt = Date.now();
    });
  });
  // A kept-alive socket closed by the server as the client reuses it fails the push ("socket hang up").
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    // winston-loki's close() can return with its last push still on the way: wait for a quiet second.
    close: async () => {
      while (open > 0 || Date.now() - lastAt < 1_000) await new Promise((r) => setTimeout(r, 100));
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Sends the recorded requests in order, one at a time over one kept-alive connection, as the exporters do. */
async function resend(base: string, requests: Recorded[]): Promise<void> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (const r of requests) {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        new URL(r.path, base),
        { method: 'POST', agent, headers: { ...r.headers, 'content-length': String(r.body.length) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(r.body);
    });
    if (status >= 300) throw new Error(`Lookout answered ${status} to a replayed ${r.path}`);
  }
  agent.destroy();
}

async function sendOtlp(url: string, json: boolean): Promise<void> {
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
    resource: resourceFromAttributes({ 'service.name': service }),
    processors: [new BatchLogRecordProcessor({ exporter, maxQueueSize: 20_000, maxExportBatchSize: 512 })],
  });
  const logger = provider.getLogger('bench');
  for (let i = 0; i < records; i++) {
    logger.emit({
      severityNumber: SeverityNumber.INFO,
      body: benchMessage(offset + i),
      attributes: benchAttrs(offset + i),
    });
    // A flush that times out on a loaded machine lost nothing: the batches stay queued, and a batch the SDK
    // does give up is counted above.
    if (i % 10_000 === 9_999) await provider.forceFlush().catch(() => {});
  }
  await provider.shutdown();
  if (lost.length) throw new Error(`the SDK gave up ${lost.length} batches, first ${lost[0]}`);
}

async function sendLoki(url: string): Promise<void> {
  const failures: unknown[] = [];
  const transport = new LokiTransport({
    host: url,
    headers,
    labels: { job: service },
    // Without it Node's default agent gives up on a push after 5 s of quiet, which a loaded machine reaches.
    timeout: 120_000,
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

const target = new URL(process.env.INTAKE_URL!);
const send = (base: string) =>
  protocol === 'loki' ? sendLoki(base) : sendOtlp(`${base}${target.pathname}`, protocol === 'otlp-json');
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const cpu = process.cpuUsage(since);
  return (cpu.user + cpu.system) / 1000;
};
if (replay) {
  const rec = await recorder();
  await send(rec.url);
  await rec.close();
  const clientMs = cpuMs();
  // Ready: the bench starts every sender at once and its clock at the first request.
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send?.({ ready: true, requests: rec.requests.length });
  });
  const before = process.cpuUsage();
  await resend(target.origin, rec.requests);
  process.send?.({ cpuMs: clientMs, resendCpuMs: cpuMs(before) }, () => process.exit(0));
} else {
  await send(target.origin);
  // Its CPU time goes to the bench, which runs the senders on the same two cores as Lookout.
  process.send?.({ cpuMs: cpuMs() }, () => process.exit(0));
}
