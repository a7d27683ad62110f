import protobuf from 'protobufjs';
import { readLogsRequest, Unread } from './logs-proto-reader';
import descriptor from './proto/otlp.json';

const root = protobuf.Root.fromJSON(descriptor);

export const LogsRequest = root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest');
export const LogsResponse = root.lookupType('opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse');
export const MetricsRequest = root.lookupType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest');
export const MetricsResponse = root.lookupType('opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse');

/** google.rpc.Status, the body of an OTLP error answer (only the fields Lookout fills). */
export const RpcStatus = new protobuf.Type('Status')
  .add(new protobuf.Field('code', 1, 'int32'))
  .add(new protobuf.Field('message', 2, 'string'));
new protobuf.Root().define('google.rpc').add(RpcStatus);

/**
 * Decodes a protobuf body into a plain object: 64-bit integers as decimal strings, bytes as base64.
 * protobufjs 8 refuses a string field that is not UTF-8, as proto3 requires. Logs go through the hand-written
 * reader, which gives the same object; what it does not read is left to protobufjs.
 */
export function decodeProtobuf(type: protobuf.Type, body: Buffer): Record<string, unknown> {
  if (type === LogsRequest)
    try {
      return readLogsRequest(body);
    } catch (err) {
      if (!(err instanceof Unread)) throw err;
    }
  const message = type.decode(body);
  return type.toObject(message, { longs: String, enums: Number, bytes: String, arrays: true });
}
