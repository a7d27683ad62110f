import {
  expect,
  fields,
  type Obj,
  once,
  put,
  putBytes,
  putFixed64,
  putString,
  putUint32,
  Reader,
  Unread,
} from './proto-reader';

// ExportLogsServiceRequest as protobufjs's plain object (see proto-reader.ts), read by hand.
export { Unread };

/** Below protobufjs's recursion limit (100 messages deep), so what is deeper gets its error as before. */
const MAX_NESTING = 90;

function anyValue(r: Reader, end: number, depth: number): Obj {
  if (depth > MAX_NESTING) throw new Unread('nesting');
  const o: Obj = {};
  fields(r, end, (n, wire) => {
    switch (n) {
      case 1:
        expect(wire, 2);
        o.stringValue = r.string();
        return true;
      case 2:
        expect(wire, 0);
        r.varint();
        o.boolValue = r.lo !== 0;
        return true;
      case 3:
        expect(wire, 0);
        o.intValue = r.int64();
        return true;
      case 4:
        expect(wire, 1);
        o.doubleValue = r.double();
        return true;
      case 5: {
        expect(wire, 2);
        once(o, 'arrayValue');
        const values: Obj[] = [];
        fields(r, r.end(), (m, w) => {
          if (m !== 1) return false;
          expect(w, 2);
          values.push(anyValue(r, r.end(), depth + 2));
          return true;
        });
        o.arrayValue = { values };
        return true;
      }
      case 6: {
        expect(wire, 2);
        once(o, 'kvlistValue');
        const values: Obj[] = [];
        fields(r, r.end(), (m, w) => {
          if (m !== 1) return false;
          expect(w, 2);
          values.push(keyValue(r, r.end(), depth + 2));
          return true;
        });
        o.kvlistValue = { values };
        return true;
      }
      case 7:
        expect(wire, 2);
        o.bytesValue = r.bytes();
        return true;
      case 8:
        throw new Unread('stringValueStrindex');
      default:
        return false;
    }
  });
  return o;
}

/** `depth` is protobufjs's: messages around this one, which it limits to 100. */
function keyValue(r: Reader, end: number, depth: number): Obj {
  const kv: Obj = {};
  fields(r, end, (n, wire) => {
    if (n === 1) putString(r, wire, kv, 'key');
    else if (n === 2) {
      expect(wire, 2);
      once(kv, 'value');
      kv.value = anyValue(r, r.end(), depth + 1);
    } else if (n === 3) throw new Unread('keyStrindex');
    else return false;
    return true;
  });
  return kv;
}

function logRecord(r: Reader, end: number): Obj {
  const rec: Obj = { attributes: [] };
  const attrs = rec.attributes as Obj[];
  fields(r, end, (n, wire) => {
    switch (n) {
      case 1:
        putFixed64(r, wire, rec, 'timeUnixNano');
        return true;
      case 2:
        expect(wire, 0);
        r.varint();
        put(rec, 'severityNumber', r.lo | 0, r.lo === 0);
        return true;
      case 3:
        putString(r, wire, rec, 'severityText');
        return true;
      case 5:
        expect(wire, 2);
        once(rec, 'body');
        rec.body = anyValue(r, r.end(), 4);
        return true;
      case 6:
        expect(wire, 2);
        attrs.push(keyValue(r, r.end(), 4));
        return true;
      case 7:
        putUint32(r, wire, rec, 'droppedAttributesCount');
        return true;
      case 8: {
        expect(wire, 5);
        const flags = r.fixed32();
        put(rec, 'flags', flags, flags === 0);
        return true;
      }
      case 9:
        putBytes(r, wire, rec, 'traceId');
        return true;
      case 10:
        putBytes(r, wire, rec, 'spanId');
        return true;
      case 11:
        putFixed64(r, wire, rec, 'observedTimeUnixNano');
        return true;
      case 12:
        putString(r, wire, rec, 'eventName');
        return true;
      default:
        return false;
    }
  });
  return rec;
}

function scope(r: Reader, end: number): Obj {
  const s: Obj = { attributes: [] };
  fields(r, end, (n, wire) => {
    if (n === 1) putString(r, wire, s, 'name');
    else if (n === 2) putString(r, wire, s, 'version');
    else if (n === 3) {
      expect(wire, 2);
      (s.attributes as Obj[]).push(keyValue(r, r.end(), 4));
    } else if (n === 4) putUint32(r, wire, s, 'droppedAttributesCount');
    else return false;
    return true;
  });
  return s;
}

function scopeLogs(r: Reader, end: number): Obj {
  const sl: Obj = { logRecords: [] };
  const records = sl.logRecords as Obj[];
  fields(r, end, (n, wire) => {
    if (n === 1) {
      expect(wire, 2);
      once(sl, 'scope');
      sl.scope = scope(r, r.end());
    } else if (n === 2) {
      expect(wire, 2);
      records.push(logRecord(r, r.end()));
    } else if (n === 3) putString(r, wire, sl, 'schemaUrl');
    else return false;
    return true;
  });
  return sl;
}

function resource(r: Reader, end: number): Obj {
  const res: Obj = { attributes: [], entityRefs: [] };
  fields(r, end, (n, wire) => {
    if (n === 1) {
      expect(wire, 2);
      (res.attributes as Obj[]).push(keyValue(r, r.end(), 3));
    } else if (n === 2) putUint32(r, wire, res, 'droppedAttributesCount');
    else if (n === 3) throw new Unread('entityRefs');
    else return false;
    return true;
  });
  return res;
}

function resourceLogs(r: Reader, end: number): Obj {
  const rl: Obj = { scopeLogs: [] };
  fields(r, end, (n, wire) => {
    if (n === 1) {
      expect(wire, 2);
      once(rl, 'resource');
      rl.resource = resource(r, r.end());
    } else if (n === 2) {
      expect(wire, 2);
      (rl.scopeLogs as Obj[]).push(scopeLogs(r, r.end()));
    } else if (n === 3) putString(r, wire, rl, 'schemaUrl');
    else return false;
    return true;
  });
  return rl;
}

/** An ExportLogsServiceRequest in protobuf as protobufjs's plain object; throws Unread (see above). */
export function readLogsRequest(body: Buffer): Record<string, unknown> {
  const r = new Reader(body);
  const resourceLogsList: Obj[] = [];
  fields(r, body.length, (n, wire) => {
    if (n !== 1) return false;
    expect(wire, 2);
    resourceLogsList.push(resourceLogs(r, r.end()));
    return true;
  });
  return { resourceLogs: resourceLogsList };
}
