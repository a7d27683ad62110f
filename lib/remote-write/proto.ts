import protobuf from 'protobufjs';
import snappy from 'snappyjs';

// Prometheus remote write 1.0's WriteRequest (prometheus/prompb remote.proto and types.proto, field numbers as the
// spec publishes them: https://prometheus.io/docs/specs/prw/remote_write_spec/). Only what a sender fills. Lookout
// writes it by hand (below); protobufjs, from this description, decodes it in the tests, an independent reader.
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
  /** Ascending by timestamp (ms). `stale` sends Prometheus's staleness marker instead of the value. */
  samples: { value: number; timestamp: number; stale?: boolean }[];
}

/** Prometheus's StaleNaN (value.StaleNaN, bits 0x7ff0000000000002): the series ended at this sample's time. */
export const STALE_NAN_BITS = 0x7ff0000000000002n;

const varintSize = (n: number): number => {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
};

function writeVarint(buf: Buffer, pos: number, n: number): number {
  while (n >= 128) {
    buf[pos++] = (n % 128) | 128;
    n = Math.floor(n / 128);
  }
  buf[pos++] = n;
  return pos;
}

const fieldSize = (len: number) => 1 + varintSize(len) + len;

/**
 * The protobuf of a WriteRequest, uncompressed, written straight into one buffer: a few thousand series every
 * interval would otherwise leave protobufjs's per-field objects to the GC. Two encoded WriteRequests concatenated
 * decode as one holding both series lists (repeated field 1), so buffered batches are joined without decoding.
 * Timestamps are non-negative (ms since 1970).
 */
export function encodeWriteRequest(series: WriteSeries[]): Buffer {
  const seriesSizes = new Array<number>(series.length);
  const labelSizes: number[] = [];
  let total = 0;
  for (let i = 0; i < series.length; i++) {
    let size = 0;
    for (const l of series[i].labels) {
      const ls = fieldSize(Buffer.byteLength(l.name)) + fieldSize(Buffer.byteLength(l.value));
      labelSizes.push(ls);
      size += fieldSize(ls);
    }
    for (const p of series[i].samples) size += fieldSize(9 + 1 + varintSize(p.timestamp));
    seriesSizes[i] = size;
    total += fieldSize(size);
  }
  const buf = Buffer.allocUnsafe(total);
  let pos = 0;
  let k = 0;
  const writeString = (tag: number, text: string) => {
    buf[pos++] = tag;
    pos = writeVarint(buf, pos, Buffer.byteLength(text));
    pos += buf.write(text, pos);
  };
  for (let i = 0; i < series.length; i++) {
    buf[pos++] = 0x0a; // WriteRequest.timeseries
    pos = writeVarint(buf, pos, seriesSizes[i]);
    for (const l of series[i].labels) {
      buf[pos++] = 0x0a; // TimeSeries.labels
      pos = writeVarint(buf, pos, labelSizes[k++]);
      writeString(0x0a, l.name);
      writeString(0x12, l.value);
    }
    for (const p of series[i].samples) {
      buf[pos++] = 0x12; // TimeSeries.samples
      pos = writeVarint(buf, pos, 10 + varintSize(p.timestamp));
      buf[pos++] = 0x09; // Sample.value, fixed64
      // Written as bits: a NaN's payload does not survive every float operation on its way to the buffer.
      pos = p.stale ? buf.writeBigUInt64LE(STALE_NAN_BITS, pos) : buf.writeDoubleLE(p.value, pos);
      buf[pos++] = 0x10; // Sample.timestamp, varint
      pos = writeVarint(buf, pos, p.timestamp);
    }
  }
  return buf;
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
