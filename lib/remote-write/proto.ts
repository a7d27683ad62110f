import protobuf from 'protobufjs';
import snappy from 'snappyjs';

// Prometheus remote write 1.0's WriteRequest (prometheus/prompb remote.proto and types.proto, field numbers as the
// spec publishes them: https://prometheus.io/docs/specs/prw/remote_write_spec/). Only what a sender fills.
const root = new protobuf.Root();
const label = new protobuf.Type('Label')
  .add(new protobuf.Field('name', 1, 'string'))
  .add(new protobuf.Field('value', 2, 'string'));
const sample = new protobuf.Type('Sample')
  .add(new protobuf.Field('value', 1, 'double'))
  .add(new protobuf.Field('timestamp', 2, 'int64'));
const timeSeries = new protobuf.Type('TimeSeries')
  .add(new protobuf.Field('labels', 1, 'Label', 'repeated'))
  .add(new protobuf.Field('samples', 2, 'Sample', 'repeated'));
const WriteRequest = new protobuf.Type('WriteRequest').add(
  new protobuf.Field('timeseries', 1, 'TimeSeries', 'repeated'),
);
root.define('prometheus').add(label).add(sample).add(timeSeries).add(WriteRequest);
root.resolveAll();

export interface WriteSeries {
  /** Sorted by name, `__name__` among them, as the spec requires. */
  labels: { name: string; value: string }[];
  /** Ascending by timestamp (ms). */
  samples: { value: number; timestamp: number }[];
}

/**
 * The protobuf of a WriteRequest, uncompressed. Two encoded WriteRequests concatenated decode as one holding both
 * series lists (repeated field 1), so buffered batches are joined without decoding.
 */
export function encodeWriteRequest(series: WriteSeries[]): Buffer {
  return Buffer.from(WriteRequest.encode({ timeseries: series }).finish());
}

/** The body a receiver takes: snappy block format, `Content-Encoding: snappy`. */
export const compressBody = (protobufBytes: Buffer): Buffer => snappy.compress(protobufBytes);

/** A remote write body back into series (tests and the receiver-side checks). */
export function decodeWriteRequest(body: Buffer): WriteSeries[] {
  const raw = snappy.uncompress(body);
  const msg = WriteRequest.toObject(WriteRequest.decode(raw), { longs: Number, arrays: true }) as {
    timeseries: { labels: WriteSeries['labels']; samples: { value?: number; timestamp?: number }[] }[];
  };
  return msg.timeseries.map((t) => ({
    labels: t.labels.map((l) => ({ name: l.name ?? '', value: l.value ?? '' })),
    samples: t.samples.map((s) => ({ value: s.value ?? 0, timestamp: s.timestamp ?? 0 })),
  }));
}
