import { expect, fields, type Obj, once, Reader } from '@/lib/otlp/proto-reader';

// Loki's PushRequest (push-proto.ts) as protobufjs's plain object, read by hand (lib/otlp/proto-reader.ts):
// throws Unread for what it leaves to protobufjs. The message is defined without a syntax, so proto2: a
// scalar on the wire is kept even when it is the default.

function text(r: Reader, wire: number): string {
  expect(wire, 2);
  return r.string();
}

function timestamp(r: Reader, end: number): Obj {
  const t: Obj = {};
  fields(r, end, (n, wire) => {
    if (n === 1) {
      expect(wire, 0);
      t.seconds = r.int64();
    } else if (n === 2) {
      expect(wire, 0);
      r.varint();
      t.nanos = r.lo | 0;
    } else return false;
    return true;
  });
  return t;
}

function labelPair(r: Reader, end: number): Obj {
  const p: Obj = {};
  fields(r, end, (n, wire) => {
    if (n === 1) p.name = text(r, wire);
    else if (n === 2) p.value = text(r, wire);
    else return false;
    return true;
  });
  return p;
}

function entry(r: Reader, end: number): Obj {
  const e: Obj = { structuredMetadata: [] };
  fields(r, end, (n, wire) => {
    if (n === 1) {
      expect(wire, 2);
      once(e, 'timestamp');
      e.timestamp = timestamp(r, r.end());
    } else if (n === 2) e.line = text(r, wire);
    else if (n === 3) {
      expect(wire, 2);
      (e.structuredMetadata as Obj[]).push(labelPair(r, r.end()));
    } else return false;
    return true;
  });
  return e;
}

function stream(r: Reader, end: number): Obj {
  const s: Obj = { entries: [] };
  fields(r, end, (n, wire) => {
    if (n === 1) s.labels = text(r, wire);
    else if (n === 2) {
      expect(wire, 2);
      (s.entries as Obj[]).push(entry(r, r.end()));
    } else if (n === 3) {
      expect(wire, 0);
      r.varint();
      s.hash = r.uint64();
    } else return false;
    return true;
  });
  return s;
}

/** A PushRequest in protobuf as protobufjs's plain object (`longs: String, arrays: true`). */
export function readPushRequest(body: Buffer): Record<string, unknown> {
  const r = new Reader(body);
  const streams: Obj[] = [];
  fields(r, body.length, (n, wire) => {
    if (n !== 1) return false;
    expect(wire, 2);
    streams.push(stream(r, r.end()));
    return true;
  });
  return { streams };
}
