import type { LogBatch } from './log-writer';
import type { IngestRecord, RequestFacts } from './record';

/**
 * A log batch as it crosses to the writer thread. Copying thousands of small objects between threads
 * costs more than parsing them did, so numbers travel in one Float64Array (NaN for null) and every
 * string in one joined string, cut back out by offset and length (-1 for null).
 */
export interface EncodedBatch {
  head: Omit<LogBatch, 'records' | 'extraRequests'>;
  records: number;
  extraRequests: number;
  numbers: Float64Array;
  spans: Int32Array;
  text: string;
}

const RECORD_NUMBERS = 8;
const RECORD_STRINGS = 6;
const REQUEST_NUMBERS = 6;
const REQUEST_STRINGS = 7;

/** Writes values in place into arrays sized for the batch: no per-value arrays, no copy at the end. */
class Encoder {
  readonly numbers: Float64Array;
  readonly spans: Int32Array;
  readonly parts: string[] = [];
  private n = 0;
  private s = 0;
  private length = 0;

  constructor(records: number, requests: number) {
    this.numbers = new Float64Array(records * RECORD_NUMBERS + requests * REQUEST_NUMBERS);
    this.spans = new Int32Array(2 * (records * RECORD_STRINGS + requests * REQUEST_STRINGS));
  }

  num(v: number | null): void {
    this.numbers[this.n++] = v ?? NaN;
  }

  /** -1 marks null, -2 an absent optional value, so a batch decodes to exactly what was encoded. */
  str(v: string | null | undefined): void {
    if (v === null || v === undefined) {
      this.spans[this.s++] = v === null ? -1 : -2;
      this.spans[this.s++] = 0;
      return;
    }
    this.spans[this.s++] = this.length;
    this.spans[this.s++] = v.length;
    this.parts.push(v);
    this.length += v.length;
  }

  request(q: RequestFacts): void {
    this.num(q.ts);
    this.num(q.status);
    this.num(q.durationMs);
    this.num(q.inputTokens);
    this.num(q.outputTokens);
    this.num(q.rateLimited ? 1 : 0);
    this.str(q.provider);
    this.str(q.model);
    this.str(q.method);
    this.str(q.route);
    this.str(q.client);
    this.str(q.user);
    this.str(q.tokenIssue);
  }
}

export function encodeBatch(batch: LogBatch): EncodedBatch {
  const { records, extraRequests = [], ...head } = batch;
  let requests = extraRequests.length;
  for (const r of records) requests += r.requests.length;
  const e = new Encoder(records.length, requests);
  for (const r of records) {
    e.num(r.ts);
    e.num(r.status);
    e.num(r.durationMs);
    e.num(r.inputTokens);
    e.num(r.outputTokens);
    e.num(r.isRequest ? 1 : 0);
    e.num(r.flags);
    e.num(r.requests.length);
    e.str(r.level);
    e.str(r.message);
    e.str(r.provider);
    e.str(r.model);
    e.str(r.requestId);
    e.str(r.fieldsJson);
    for (const q of r.requests) e.request(q);
  }
  for (const q of extraRequests) e.request(q);
  return {
    head,
    records: records.length,
    extraRequests: extraRequests.length,
    numbers: e.numbers,
    spans: e.spans,
    text: e.parts.join(''),
  };
}

/** The buffers of an encoded batch, to transfer instead of copy. */
export function transferables(e: EncodedBatch): ArrayBuffer[] {
  return [e.numbers.buffer as ArrayBuffer, e.spans.buffer as ArrayBuffer];
}

export function decodeBatch(e: EncodedBatch): LogBatch {
  const { numbers, spans, text } = e;
  let n = 0;
  let s = 0;
  const num = () => {
    const v = numbers[n++];
    return Number.isNaN(v) ? null : v;
  };
  const str = () => {
    const at = spans[s++];
    const len = spans[s++];
    return at < 0 ? null : text.slice(at, at + len);
  };
  const optionalStr = () => {
    const absent = spans[s] === -2;
    const v = str();
    return absent ? undefined : v;
  };
  // Object literals evaluate in order: each field reads the next value, as encodeBatch wrote them.
  const request = (): RequestFacts => {
    const q: RequestFacts = {
      ts: num()!,
      status: num(),
      durationMs: num(),
      inputTokens: num(),
      outputTokens: num(),
      rateLimited: num() === 1,
      provider: str(),
      model: str(),
    };
    const method = optionalStr();
    const route = optionalStr();
    const client = optionalStr();
    const user = optionalStr();
    const tokenIssue = optionalStr();
    if (method !== undefined) q.method = method;
    if (route !== undefined) q.route = route;
    if (client !== undefined) q.client = client;
    if (user !== undefined) q.user = user;
    if (tokenIssue !== undefined) q.tokenIssue = tokenIssue;
    return q;
  };
  const records: IngestRecord[] = new Array(e.records);
  for (let i = 0; i < e.records; i++) {
    const r = {
      ts: num()!,
      status: num(),
      durationMs: num(),
      inputTokens: num(),
      outputTokens: num(),
      isRequest: num() === 1,
      flags: num()!,
      requests: new Array<RequestFacts>(num()!),
      level: str(),
      message: str()!,
      provider: str(),
      model: str(),
      requestId: str(),
      fieldsJson: str(),
    };
    for (let k = 0; k < r.requests.length; k++) r.requests[k] = request();
    records[i] = r;
  }
  const extraRequests: RequestFacts[] = [];
  for (let k = 0; k < e.extraRequests; k++) extraRequests.push(request());
  return { ...e.head, records, extraRequests };
}
