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

class Writer {
  numbers: number[] = [];
  spans: number[] = [];
  parts: string[] = [];
  length = 0;

  nums(...values: (number | null)[]): void {
    for (const v of values) this.numbers.push(v ?? NaN);
  }

  strs(...values: (string | null)[]): void {
    for (const v of values) {
      if (v === null) {
        this.spans.push(-1, 0);
        continue;
      }
      this.spans.push(this.length, v.length);
      this.parts.push(v);
      this.length += v.length;
    }
  }

  request(q: RequestFacts): void {
    this.nums(q.ts, q.status, q.durationMs, q.inputTokens, q.outputTokens, q.rateLimited ? 1 : 0);
    this.strs(q.provider, q.model);
  }
}

export function encodeBatch(batch: LogBatch): EncodedBatch {
  const { records, extraRequests = [], ...head } = batch;
  const w = new Writer();
  for (const r of records) {
    w.nums(r.ts, r.status, r.durationMs, r.inputTokens, r.outputTokens, r.isRequest ? 1 : 0, r.flags, r.requests.length);
    w.strs(r.level, r.message, r.provider, r.model, r.requestId, r.fieldsJson);
    r.requests.forEach((q) => w.request(q));
  }
  extraRequests.forEach((q) => w.request(q));
  return {
    head,
    records: records.length,
    extraRequests: extraRequests.length,
    numbers: Float64Array.from(w.numbers),
    spans: Int32Array.from(w.spans),
    text: w.parts.join(''),
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
  // Object literals evaluate in order: each field reads the next value, as encodeBatch wrote them.
  const request = (): RequestFacts => ({
    ts: num()!, status: num(), durationMs: num(), inputTokens: num(), outputTokens: num(), rateLimited: num() === 1, provider: str(), model: str(),
  });
  const records: IngestRecord[] = new Array(e.records);
  for (let i = 0; i < e.records; i++) {
    const r = {
      ts: num()!, status: num(), durationMs: num(), inputTokens: num(), outputTokens: num(), isRequest: num() === 1, flags: num()!,
      requests: new Array<RequestFacts>(num()!),
      level: str(), message: str()!, provider: str(), model: str(), requestId: str(), fieldsJson: str(),
    };
    for (let k = 0; k < r.requests.length; k++) r.requests[k] = request();
    records[i] = r;
  }
  const extraRequests: RequestFacts[] = [];
  for (let k = 0; k < e.extraRequests; k++) extraRequests.push(request());
  return { ...e.head, records, extraRequests };
}
