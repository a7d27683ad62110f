import { isUtf8 } from 'node:buffer';

/**
 * What the hand-written protobuf readers (OTLP logs, Loki push) share. They give exactly the plain object
 * protobufjs's `decode` + `toObject({ longs: String, enums: Number, bytes: String, arrays: true })` gives, at a
 * fraction of the cost (no message instances, no generic object walk): docs/performance.md#intake-speed.
 * They throw `Unread` on anything they do not read the way protobufjs would — malformed input, wire types
 * other than the schema's, fields left to protobufjs — and the caller then decodes with protobufjs, which
 * gives the value or the error message as before.
 */
export class Unread extends Error {}

export type Obj = Record<string, unknown>;

const TWO_32 = 4_294_967_296;

export class Reader {
  pos = 0;
  lo = 0;
  hi = 0;

  constructor(readonly buf: Buffer) {}

  /** A varint into lo/hi (the low and high 32 bits), as protobufjs's LongBits does. */
  varint(): void {
    const buf = this.buf;
    let lo = 0;
    let hi = 0;
    let shift = 0;
    let b: number;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= buf.length) throw new Unread('truncated varint');
      b = buf[this.pos++];
      if (shift < 28) lo |= (b & 0x7f) << shift;
      else if (shift === 28) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >>> 4;
      } else hi |= (b & 0x7f) << (shift - 32);
      if (b < 0x80) {
        this.lo = lo >>> 0;
        this.hi = hi >>> 0;
        return;
      }
      shift += 7;
    }
    throw new Unread('varint longer than 10 bytes');
  }

  /** A small unsigned varint (tags, lengths), which must fit 32 bits. */
  uint32(): number {
    const buf = this.buf;
    if (this.pos < buf.length && buf[this.pos] < 0x80) return buf[this.pos++];
    let value = 0;
    let shift = 0;
    while (shift < 35) {
      if (this.pos >= buf.length) throw new Unread('truncated varint');
      const b = buf[this.pos++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) {
        if (value >= TWO_32) throw new Unread('varint beyond 32 bits');
        return value;
      }
      shift += 7;
    }
    throw new Unread('varint beyond 32 bits');
  }

  /** The end offset of a length-delimited field starting here. */
  end(): number {
    const len = this.uint32();
    const end = this.pos + len;
    if (end > this.buf.length) throw new Unread('length beyond the body');
    return end;
  }

  string(): string {
    const end = this.end();
    const buf = this.buf;
    for (let i = this.pos; i < end; i++)
      if (buf[i] >= 0x80) {
        if (!isUtf8(buf.subarray(this.pos, end))) throw new Unread('invalid UTF-8');
        break;
      }
    const s = buf.toString('utf8', this.pos, end);
    this.pos = end;
    return s;
  }

  bytes(): string {
    const end = this.end();
    const s = this.buf.toString('base64', this.pos, end);
    this.pos = end;
    return s;
  }

  /** fixed64 as an unsigned decimal string. */
  fixed64(): string {
    if (this.pos + 8 > this.buf.length) throw new Unread('truncated fixed64');
    const lo = this.buf.readUInt32LE(this.pos);
    const hi = this.buf.readUInt32LE(this.pos + 4);
    this.pos += 8;
    return hi < 0x200000 ? String(hi * TWO_32 + lo) : ((BigInt(hi) << 32n) | BigInt(lo)).toString();
  }

  fixed32(): number {
    if (this.pos + 4 > this.buf.length) throw new Unread('truncated fixed32');
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  double(): number {
    if (this.pos + 8 > this.buf.length) throw new Unread('truncated double');
    const v = this.buf.readDoubleLE(this.pos);
    this.pos += 8;
    return v;
  }

  /** The varint just read as an unsigned decimal string. */
  uint64(): string {
    const { lo, hi } = this;
    return hi < 0x200000 ? String(hi * TWO_32 + lo) : ((BigInt(hi) << 32n) | BigInt(lo)).toString();
  }

  /** int64 as a signed decimal string. */
  int64(): string {
    this.varint();
    const { lo, hi } = this;
    if (hi < 0x200000) return String(hi * TWO_32 + lo);
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
  }

  /** Skips a field of an unknown number, as protobufjs does; groups are left to protobufjs. */
  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos = this.end();
    else if (wire === 5) this.pos += 4;
    else throw new Unread(`wire type ${wire}`);
    if (this.pos > this.buf.length) throw new Unread('truncated field');
  }
}

/** Reads fields up to `end`, calling `field` with each number and wire type; it returns false to skip one. */
export function fields(r: Reader, end: number, field: (n: number, wire: number) => boolean): void {
  while (r.pos < end) {
    const tag = r.uint32();
    const n = tag >>> 3;
    const wire = tag & 7;
    if (n === 0) throw new Unread('field number 0');
    if (!field(n, wire)) r.skip(wire);
  }
  if (r.pos !== end) throw new Unread('field beyond its message');
}

export function expect(wire: number, want: number): void {
  if (wire !== want) throw new Unread(`wire type ${wire} where ${want} belongs`);
}

// proto3 scalars outside a oneof have no presence: protobufjs keeps them only when not the default,
// and a later default removes an earlier value.
export function put(o: Obj, key: string, v: unknown, isDefault: boolean): void {
  if (isDefault) delete o[key];
  else o[key] = v;
}

export function putString(r: Reader, wire: number, o: Obj, key: string): void {
  expect(wire, 2);
  const v = r.string();
  put(o, key, v, v === '');
}

export function putBytes(r: Reader, wire: number, o: Obj, key: string): void {
  expect(wire, 2);
  const v = r.bytes();
  put(o, key, v, v === '');
}

export function putUint32(r: Reader, wire: number, o: Obj, key: string): void {
  expect(wire, 0);
  r.varint();
  put(o, key, r.lo, r.lo === 0);
}

export function putFixed64(r: Reader, wire: number, o: Obj, key: string): void {
  expect(wire, 1);
  const v = r.fixed64();
  put(o, key, v, v === '0');
}

/** A singular message field seen twice is merged by protobufjs: left to it. */
export function once(o: Obj, key: string): void {
  if (o[key] !== undefined) throw new Unread(`${key} twice`);
}
