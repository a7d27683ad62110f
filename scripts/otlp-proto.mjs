// Regenerates lib/otlp/proto/otlp.json, the descriptor Lookout decodes OTLP protobuf with, from the
// .proto files beside it: opentelemetry-proto v1.11.0 (Apache-2.0, github.com/open-telemetry/opentelemetry-proto).
import { writeFileSync } from 'node:fs';
import protobuf from 'protobufjs';

const dir = 'lib/otlp/proto';
const root = new protobuf.Root();
root.resolvePath = (_origin, target) => `${dir}/${target}`;
root.loadSync([
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
  'opentelemetry/proto/collector/metrics/v1/metrics_service.proto',
]);
root.resolveAll();
writeFileSync(`${dir}/otlp.json`, `${JSON.stringify(root.toJSON(), null, 1)}\n`);
